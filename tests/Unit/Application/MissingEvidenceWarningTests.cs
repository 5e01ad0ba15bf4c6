using System;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>Thin input is told once per run: which fields the findings lacked and how to get them.</summary>
public class MissingEvidenceWarningTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A v1.0-shaped interactive 50076: no protocol, token type, user agent, requirement or CA details.</summary>
    private static SignInEvent ThinStepUp(string id, string upn, int minutes) =>
        new() { Id = id, UserPrincipalName = upn, AppId = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", ErrorCode = 50076, CreatedDateTime = T0.AddMinutes(minutes), IsInteractive = true, ConditionalAccessStatus = "failure" };

    [Fact]
    public async Task One_warning_per_run_names_the_missing_fields_and_how_to_get_them()
    {
        var host = new RecordingRunHost();
        var analysis = new FailureAnalysis(new FailureAnalysisOptions(), host);
        await analysis.ObserveAsync(ThinStepUp("a", "adele@contoso.com", 0));
        await analysis.ObserveAsync(ThinStepUp("b", "bob@contoso.com", 20));
        await analysis.ObserveAsync(ThinStepUp("c", "carol@contoso.com", 40));
        await analysis.CompleteAsync();

        Assert.Equal(3, host.Output.Count);
        Assert.All(host.Output.Cast<StrongAuthFailure>(), f => Assert.NotEqual(Confidence.High, f.ConfidenceKind));
        var warning = Assert.Single(host.Warnings);
        Assert.StartsWith("3 findings have lowered confidence", warning, StringComparison.Ordinal);
        foreach (var field in new[] { "authenticationProtocol", "userAgent", "incomingTokenType", "appliedConditionalAccessPolicies" })
        {
            Assert.Contains(field, warning, StringComparison.Ordinal);
        }

        Assert.Contains("Policy.Read.All", warning, StringComparison.Ordinal);
        Assert.Contains("beta", warning, StringComparison.Ordinal);
        Assert.Contains("Get-SignInLog -OutFile", warning, StringComparison.Ordinal);
        Assert.Contains("Download JSON rather than CSV", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_records_carry_the_evidence_warns_of_nothing()
    {
        var host = new RecordingRunHost();
        var analysis = new FailureAnalysis(new FailureAnalysisOptions(), host);
        await analysis.ObserveAsync(new SignInEvent
        {
            Id = "full", UserPrincipalName = "adele@contoso.com", AppId = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", ErrorCode = 50158, CreatedDateTime = T0, IsInteractive = true,
        });
        await analysis.CompleteAsync();

        Assert.Single(host.Output);
        Assert.Empty(host.Warnings);
    }

    [Fact]
    public async Task A_live_read_with_conditional_access_hidden_names_Policy_Read_All_in_one_warning_not_two()
    {
        // Before: the retrieval warned that Conditional Access was hidden, then the analysis warned again about the same permission.
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, ConditionalAccess = EntraStrongAuth.GraphSimulator.ConditionalAccessVisibility.Null });
        var host = new RecordingRunHost();
        var range = graph.WholeRange();
        var analysis = new FailureAnalysis(new FailureAnalysisOptions { Filter = new SignInFilterOptions { Start = range.Start, End = range.End } }, host);
        var reader = new LiveSignInReader(graph.Connection, host, 1, "Reading") { CallerReportsHiddenConditionalAccess = true };

        await analysis.ReadLiveAsync(reader, System.Threading.CancellationToken.None);
        await analysis.CompleteAsync();

        Assert.NotEmpty(host.Output);
        var warning = Assert.Single(host.Warnings, w => w.Contains("Policy.Read.All", StringComparison.Ordinal));
        Assert.Contains("Conditional Access", warning, StringComparison.Ordinal);
    }
}
