using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Workspace;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Groups of alike sign-ins against the same sign-ins one at a time: weighted top-k, capacity, run starts, workspace cells.</summary>
public sealed class HeadlessGroupTests
{
    [Fact]
    public void A_weighted_add_equals_adding_the_value_that_many_times_and_ties_rank_by_value()
    {
        var weighted = new TopCounter<string>(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);
        var single = new TopCounter<string>(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);
        weighted.Add("b", 3);
        weighted.Add("a", 3);
        weighted.Add("c", 5);
        foreach (var value in new[] { "b", "a", "c", "b", "c", "a", "c", "b", "a", "c", "c" })
        {
            single.Add(value);
        }

        Assert.Equal(new[] { "c", "a", "b" }, weighted.Ranked());
        Assert.Equal(single.Ranked(), weighted.Ranked());
        Assert.Equal(new KeyValuePair<string, long>("c", 5), weighted.Top());
    }

    [Fact]
    public void Past_the_capacity_groups_in_order_of_their_first_sign_in_keep_the_values_time_order_keeps()
    {
        // 20 addresses, each seen first at minute i and again at minute 100 + i: the first 16 to appear are held.
        var signIns = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            HeadlessSignIns.Script(HeadlessSignIns.Start.AddMinutes(i), e => e.IpAddress = "203.0.113." + i),
            HeadlessSignIns.Script(HeadlessSignIns.Start.AddMinutes(100 + i), e => e.IpAddress = "203.0.113." + i),
            HeadlessSignIns.Script(HeadlessSignIns.Start.AddMinutes(200 + i), e => e.IpAddress = "203.0.113." + (i % 3)),
        }).ToList();
        var oneByOne = HeadlessSignIns.Scorer(signIns.OrderBy(e => e.CreatedDateTime));
        var grouped = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0 });

        // Groups as a workspace would return them, in reverse order: AddGroups puts them in order of First.
        grouped.AddGroups(signIns.GroupBy(e => e.IpAddress).Select(g => Merge(g.ToList())).Reverse().ToList());

        var expected = Assert.Single(oneByOne.Findings());
        var actual = Assert.Single(grouped.Findings());
        Assert.Equal(expected.IpAddresses, actual.IpAddresses);
        Assert.Equal(new[] { "203.0.113.0", "203.0.113.1", "203.0.113.2", "203.0.113.10", "203.0.113.11" }, actual.IpAddresses);
        Assert.Equal(60, actual.SignIns);
        var aggregate = grouped.Aggregates.Single();
        Assert.Equal(16, aggregate.Ips.Distinct - 1);
        Assert.Equal(8, aggregate.Ips.Others);
    }

    [Fact]
    public void Run_starts_give_the_cadence_the_time_sample_gives_and_an_unknown_account_is_ignored()
    {
        var times = HeadlessSignIns.Every(TimeSpan.FromMinutes(15), 200).SelectMany(t => new[] { t, t.AddSeconds(30) }).ToList();
        var signIns = times.Select(t => HeadlessSignIns.Script(t)).ToList();
        var oneByOne = HeadlessSignIns.Only(signIns);
        var grouped = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0 });
        grouped.AddGroups(new[] { Merge(signIns) });
        var withoutStarts = Assert.Single(grouped.Findings());

        grouped.AddRunStarts("SVC-JOB@contoso.com", null, times.Where((_, i) => i % 2 == 0).Select(t => t.ToUnixTimeSeconds()).Reverse());
        grouped.AddRunStarts("nobody@contoso.com", null, new[] { 1L, 2L });

        Assert.Null(withoutStarts.Signal(HeadlessSignalKeys.Cadence));
        Assert.Equal(oneByOne.Signal(HeadlessSignalKeys.Cadence)!.Detail, Assert.Single(grouped.Findings()).Signal(HeadlessSignalKeys.Cadence)!.Detail);
        Assert.Single(grouped.Aggregates);
    }

    [Fact]
    public void Workspace_cells_read_empty_strings_as_missing_and_dynamic_cells_as_arrays_or_json_text()
    {
        var columns = new[] { "SignIns", "First", "Last", "Hours", "UserPrincipalName", "UserId", "AppId", "AppDisplayName", "AutonomousSystemNumber", "IsInteractive", "HasDevice", "Result", "Mfa" }
            .Select(c => new WorkspaceColumn(c, "string")).ToList();
        using var document = JsonDocument.Parse("""
            [[4, "2026-11-02T00:00:00Z", "2026-11-02T05:00:00.5Z", "[0,5]", "svc@contoso.com", "", "", "Sync", "8075", null, true, "strongAuth", false],
             [1, "2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z", [3], "", "1111", "app", "", "", true, false, "success", true]]
            """);
        var table = new WorkspaceTable(columns, document.RootElement.EnumerateArray().ToList(), null, truncated: false);

        var first = WorkspaceHeadlessRows.Group(table, 0);
        var second = WorkspaceHeadlessRows.Group(table, 1);

        Assert.Equal((4L, "svc@contoso.com", (string?)null, (string?)null, 8075L, (bool?)null, true, true, false), (first.SignIns, first.Account, first.UserId, first.AppId, first.AutonomousSystemNumber, first.IsInteractive, first.HasDevice, first.IsStrongAuthFailure, first.IsSuccess));
        Assert.Equal(new[] { 0, 5 }, first.Hours);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 0, 500, TimeSpan.Zero), first.Last);
        Assert.Equal(("1111", "app", (long?)null, (bool?)true, true, true), (second.Account, second.AppKey, second.AutonomousSystemNumber, second.IsInteractive, second.IsSuccess, second.MfaSatisfied));
        Assert.Equal(new[] { 3 }, second.Hours);
    }

    /// <summary>Alike sign-ins as one group, as the workspace's summarize makes it.</summary>
    private static HeadlessGroup Merge(IReadOnlyList<SignInEvent> signIns)
    {
        var one = HeadlessGroup.From(signIns[0]);
        return new HeadlessGroup
        {
            SignIns = signIns.Count,
            First = signIns.Min(e => e.CreatedDateTime),
            Last = signIns.Max(e => e.CreatedDateTime),
            Hours = signIns.Select(e => e.CreatedDateTime.UtcDateTime.Hour).Distinct().ToList(),
            UserPrincipalName = one.UserPrincipalName,
            UserId = one.UserId,
            AppId = one.AppId,
            AppDisplayName = one.AppDisplayName,
            ResourceId = one.ResourceId,
            ResourceDisplayName = one.ResourceDisplayName,
            IpAddress = one.IpAddress,
            AutonomousSystemNumber = one.AutonomousSystemNumber,
            UserAgent = one.UserAgent,
            ClientAppUsed = one.ClientAppUsed,
            AuthenticationProtocol = one.AuthenticationProtocol,
            OriginalTransferMethod = one.OriginalTransferMethod,
            IsInteractive = one.IsInteractive,
            HasDevice = one.HasDevice,
            IsSuccess = one.IsSuccess,
            IsStrongAuthFailure = one.IsStrongAuthFailure,
            MfaSatisfied = one.MfaSatisfied,
        };
    }
}
