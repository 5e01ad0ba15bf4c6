using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Diagnosis;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>
/// Test-StrongAuthReadiness live, end to end: the simulator serves the seed-42 tenant through the Graph SDK pipeline
/// and the readiness check reads its sign-ins, registration report, methods policy and policies from there; the
/// verdicts per user and app must equal those from the same tenant's files (-Path, -TenantDataPath).
/// </summary>
[Collection(LiveDiagnosisTenantGroup.Name)]
public class LiveReadinessTests : IClassFixture<DiagnosisTenant>
{
    private readonly LiveDiagnosisTenant _live;
    private readonly DiagnosisTenant _files;

    public LiveReadinessTests(LiveDiagnosisTenant live, DiagnosisTenant files)
    {
        _live = live;
        _files = files;
    }

    [Fact]
    public async Task A_planned_MFA_policy_gives_the_same_verdicts_live_as_from_the_files()
    {
        var policy = new PlannedPolicy().ToPolicy();
        await using var graph = await LiveDiagnosisGraph.StartAsync(_live);

        var (offline, offlineHost) = await ReadinessRuns.OfflineAsync(policy, _files.SignIns, _files.TenantData);
        var (live, liveHost) = await ReadinessRuns.LiveAsync(graph, policy);

        Assert.Empty(offlineHost.ErrorIds);
        Assert.Empty(liveHost.ErrorIds);
        Assert.True(offline.Count > 60, "user and app pairs: " + offline.Count);
        Assert.Contains(offline, r => r.VerdictKind == ReadinessVerdict.WillBreak);
        Assert.True(ReadinessRuns.Verdicts(offline).SequenceEqual(ReadinessRuns.Verdicts(live)), ReadinessRuns.Differences(offline, live) + " warnings: " + string.Join("; ", liveHost.Warnings));

        // Measured: 3 pairs (two users) are Medium live and High from the saved methods; never the other way.
        var gaps = ReadinessRuns.ConfidenceGaps(offline, live);
        Assert.True(gaps.Count <= 3 && gaps.All(g => g.EndsWith("High offline, Medium live", StringComparison.Ordinal)), string.Join("; ", gaps));
    }

    [Fact]
    public async Task Every_saved_policy_that_demands_strong_auth_gives_the_same_verdicts_live_as_from_the_files()
    {
        var files = await FileEnrollmentData.OpenAsync(_files.TenantData, new RecordingRunHost());
        var policies = (await files.ReadPoliciesAsync(CancellationToken.None)).Where(p => p.DemandsStrongAuthentication).ToList();
        Assert.NotEmpty(policies);
        await using var graph = await LiveDiagnosisGraph.StartAsync(_live);

        foreach (var policy in policies)
        {
            var (offline, _) = await ReadinessRuns.OfflineAsync(policy, _files.SignIns, _files.TenantData);
            var (live, liveHost) = await ReadinessRuns.LiveAsync(graph, policy);

            Assert.Empty(liveHost.ErrorIds);
            Assert.True(ReadinessRuns.Verdicts(offline).SequenceEqual(ReadinessRuns.Verdicts(live)), policy.DisplayName + ": " + ReadinessRuns.Differences(offline, live) + " warnings: " + string.Join("; ", liveHost.Warnings));
        }
    }

    [Fact]
    public async Task Answered_from_the_whole_registration_report_the_verdicts_are_the_same_and_cost_no_per_user_lookups()
    {
        var policy = new PlannedPolicy().ToPolicy();
        await using var graph = await LiveDiagnosisGraph.StartAsync(_live);
        var (byUser, _) = await ReadinessRuns.LiveAsync(graph, policy);
        graph.Host.Requests.Clear();

        var (whole, host) = await ReadinessRuns.LiveAsync(graph, policy, wholeReportFrom: 1);

        Assert.Empty(host.ErrorIds);
        Assert.Equal(ReadinessRuns.Verdicts(byUser), ReadinessRuns.Verdicts(whole));
        var log = graph.Host.Requests.Snapshot();
        Assert.Equal(1, log.Count(r => r.Endpoint == SimEndpoint.UserRegistrationDetails));

        // Only the guest the report lacks is read live, one $batch.
        Assert.Single(log, r => r.Endpoint == SimEndpoint.Batch);
    }

    [Fact]
    public async Task The_saved_group_members_resolve_the_groups_the_methods_policy_targets()
    {
        // Before: the files' methods policy ignored groups.json, so FIDO2 (enabled for the "Passwordless pilot" group)
        // counted as not enabled for its members offline, and readiness said StrengthUnsatisfiable where live said MustRegister.
        var files = await FileEnrollmentData.OpenAsync(_files.TenantData, new RecordingRunHost());

        var (policy, membership) = await files.ReadMethodsPolicyAsync(CancellationToken.None);

        Assert.NotEmpty(policy.TargetGroupIds);
        Assert.True(membership.IsComplete);
        Assert.All(policy.TargetGroupIds, g => Assert.Contains(g, membership.GroupIds, StringComparer.OrdinalIgnoreCase));
        var breakGlass = "4d612dc7-5f08-4eb5-9228-cc38a75a6cf1";
        Assert.Contains(membership.GroupsOf(breakGlass), g => policy.TargetGroupIds.Contains(g, StringComparer.OrdinalIgnoreCase));
    }
}
