using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Filtering;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class FailureAnalysisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static SignInEvent MfaRequired(string id, string upn, DateTimeOffset at) =>
        new() { Id = id, UserPrincipalName = upn, AppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46", ErrorCode = 50076, CreatedDateTime = at, IsInteractive = true };

    [Fact]
    public async Task Account_filters_apply_before_analysis_and_time_after_it()
    {
        var host = new RecordingRunHost();
        var analysis = new FailureAnalysis(
            new FailureAnalysisOptions
            {
                Filter = new SignInFilterOptions
                {
                    UserPrincipalNames = new[] { "*@contoso.com" },
                    ExcludeUserPrincipalNames = new[] { "breakglass*" },
                    Start = T0,
                },
            },
            host);

        await analysis.ObserveAsync(MfaRequired("early", "adele@contoso.com", T0.AddMinutes(-30)));
        await analysis.ObserveAsync(MfaRequired("kept", "adele@contoso.com", T0.AddMinutes(30)));
        await analysis.ObserveAsync(MfaRequired("other-tenant", "adele@fabrikam.com", T0.AddMinutes(31)));
        await analysis.ObserveAsync(MfaRequired("excluded", "breakglass@contoso.com", T0.AddMinutes(32)));
        await analysis.CompleteAsync();

        var failure = Assert.IsType<StrongAuthFailure>(Assert.Single(host.Output));
        Assert.Equal("kept", failure.SignIn.Id);
        Assert.Contains("1 sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest (1 of them failed); they are not analysed.", host.Verbose);
        Assert.StartsWith("Input order: ", host.Verbose[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_counts_instead_of_writing_each_failure_and_causes_filter()
    {
        var host = new RecordingRunHost();
        var analysis = new FailureAnalysis(new FailureAnalysisOptions { Summary = true }, host);
        await analysis.ObserveAsync(MfaRequired("a", "adele@contoso.com", T0));
        await analysis.ObserveAsync(MfaRequired("b", "bob@contoso.com", T0.AddMinutes(1)));
        await analysis.CompleteAsync();

        var summary = Assert.IsType<StrongAuthSummary>(Assert.Single(host.Output));
        Assert.Equal(2, summary.Total);

        var cause = Assert.IsType<StrongAuthFailure>(Assert.Single(await AnalyseAsync(null))).CauseKind;
        var other = cause == FailureCause.StaleSessionClaims ? FailureCause.HeadlessUserAccount : FailureCause.StaleSessionClaims;
        Assert.Single(await AnalyseAsync(new[] { cause, other }));
        Assert.Empty(await AnalyseAsync(new[] { other }));

        static async Task<System.Collections.Generic.IReadOnlyList<object?>> AnalyseAsync(FailureCause[]? causes)
        {
            var host = new RecordingRunHost();
            var analysis = new FailureAnalysis(new FailureAnalysisOptions { Causes = causes }, host);
            await analysis.ObserveAsync(MfaRequired("a", "adele@contoso.com", T0));
            await analysis.CompleteAsync();
            return host.Output;
        }
    }

    [Fact]
    public async Task Live_reading_sends_exact_names_to_the_server_but_not_patterns()
    {
        var exact = new FakeSignInQueryReader();
        var pattern = new FakeSignInQueryReader();
        var filter = new SignInFilterOptions { UserPrincipalNames = new[] { "adele@contoso.com" }, Start = T0, End = T0.AddHours(2) };

        await new FailureAnalysis(new FailureAnalysisOptions { Filter = filter }, new RecordingRunHost()).ReadLiveAsync(exact, CancellationToken.None);
        await new FailureAnalysis(new FailureAnalysisOptions { Filter = new SignInFilterOptions { UserPrincipalNames = new[] { "adele*" } } }, new RecordingRunHost()).ReadLiveAsync(pattern, CancellationToken.None);

        var query = Assert.Single(exact.Queries);
        Assert.Equal(new[] { "adele@contoso.com" }, query.UserPrincipalNames);
        Assert.Equal((T0, T0.AddHours(2)), (query.Start, query.End));
        Assert.Contains(50076, query.ErrorCodes);
        var patternQuery = Assert.Single(pattern.Queries);
        Assert.Empty(patternQuery.UserPrincipalNames);
        Assert.Equal(TimeSpan.FromDays(1), patternQuery.End - patternQuery.Start);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 24 * 60)]
    public void A_resolution_window_out_of_range_is_refused_with_its_id(int minutes)
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => new FailureAnalysis(new FailureAnalysisOptions { ResolutionWindow = TimeSpan.FromMinutes(minutes) }, new RecordingRunHost()));

        Assert.Equal("InvalidResolutionWindow", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
    }
}
