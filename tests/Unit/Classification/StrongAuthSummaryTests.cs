using System.Linq;
using EntraStrongAuth.Core.Classification;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

public class StrongAuthSummaryTests
{
    [Fact]
    public void Counts_by_outcome_cause_code_user_and_app()
    {
        var stepUp = Failure(50074).Policy("Require MFA", "failure", new[] { "Mfa" });
        var signIns = new[]
        {
            stepUp,
            Success(20).Linked(stepUp).Step("SMS", "Multifactor authentication", true, "ok"),
            Failure(50076, 100).Unlinked().App(AzureCli, "Microsoft Azure CLI").With(e => e.AuthenticationProtocol = "ropc"),
            Failure(50076, 200).Unlinked().App(AzureCli, "Microsoft Azure CLI").With(e => { e.AuthenticationProtocol = "ropc"; e.UserPrincipalName = "adelev@CONTOSO.onmicrosoft.com"; }),
            Failure(50079, 300).Unlinked().With(e => { e.UserPrincipalName = "MeganB@contoso.onmicrosoft.com"; e.UserId = "b0ee5c3e-1b7a-4a5f-9c3a-6f2d7a1c9e11"; }),
        };
        var options = AnalyzerRun.Options();
        options.Now = T0.AddMinutes(10);
        var builder = new StrongAuthSummaryBuilder();
        foreach (var failure in new AnalyzerRun(signIns, options).All)
        {
            builder.Add(failure);
        }

        var summary = builder.Build();

        Assert.Equal(4, summary.Total);
        Assert.Equal(1, summary.Resolved);
        Assert.Equal(3, summary.Pending);
        Assert.Equal(1, summary.Benign);
        Assert.Equal(4, summary.PossiblyIncomplete);
        Assert.Equal(T0, summary.First);
        Assert.Equal(T0.AddSeconds(300), summary.Last);
        Assert.Equal(new[] { "HeadlessUserAccount:2", "BenignInterrupt:1", "IncompleteEnrollment:1" }, summary.ByCause.Select(c => c.Key + ":" + c.Count));
        var code = summary.ByCode[0];
        Assert.Equal(("50076", "UserStrongAuthClientAuthNRequired", 2), (code.Key, code.Name, code.Count));
        var adele = summary.ByUser[0];
        Assert.Equal(("adelev@contoso.onmicrosoft.com", 3, 1, 2), (adele.Key, adele.Count, adele.Resolved, adele.Pending));
        var cli = summary.ByApp[0];
        Assert.Equal((AzureCli, "Microsoft Azure CLI", 2), (cli.Key, cli.Name, cli.Count));
    }

    [Fact]
    public void A_built_summary_does_not_change_as_counting_goes_on()
    {
        var builder = new StrongAuthSummaryBuilder();
        builder.Add(StrongAuthClassifier.Default.Classify(Failure(50079)));
        var first = builder.Build();

        builder.Add(StrongAuthClassifier.Default.Classify(Failure(50079).Unlinked()));

        Assert.Equal(1, first.Total);
        Assert.Equal(1, first.ByCode.Single().Count);
        Assert.Equal(2, builder.Build().ByCode.Single().Count);
    }
}
