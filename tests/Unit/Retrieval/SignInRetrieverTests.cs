using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>
/// The retrieval engine against the Graph simulator over real HTTP: every record exactly once whatever the service
/// does (throttling, 5xx, dropped connections, cut bodies, expired skip tokens), filters on the wire, errors mapped.
/// </summary>
public class SignInRetrieverTests
{
    private static void AssertExactlyOnce(IReadOnlyList<SimSignIn> truth, IReadOnlyList<Core.SignIns.SignInEvent> records)
    {
        var ids = records.Select(r => r.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(truth.Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal), ids.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_user_sign_in_arrives_exactly_once_over_many_pages_and_slices()
    {
        await using var graph = await SimulatedGraph.StartAsync();
        var query = graph.WholeRange();
        var truth = graph.Truth(query);

        var (records, progress, _) = await graph.ReadAsync(query);

        Assert.True(truth.Count > 300, "the tenant should span many pages, has " + truth.Count);
        AssertExactlyOnce(truth, records);
        Assert.Equal(truth.Count, progress.Records);
        Assert.Equal(progress.SlicesTotal, progress.SlicesDone);
        Assert.Equal(100, progress.PercentComplete);

        // Both user kinds are asked for explicitly (Graph alone returns interactive only), with the Prefer header, all at $top=40.
        var requests = graph.Host.Requests.SignIns();
        Assert.Contains(requests, r => r.Filter!.Contains("signInEventTypes/any(t: t eq 'interactiveUser')", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Filter!.Contains("signInEventTypes/any(t: t eq 'nonInteractiveUser')", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("include-unknown-enum-members", r.Prefer));
        Assert.All(requests.Where(r => !r.HasSkipToken), r => Assert.Equal("40", r.Top));
    }

    [Fact]
    public async Task Throttling_and_every_transient_fault_lose_and_duplicate_nothing()
    {
        var faults = new RandomFaultOptions
        {
            Seed = 7,
            Rates = new Dictionary<FaultKind, double>
            {
                [FaultKind.ServiceUnavailable] = 0.05,
                [FaultKind.ServiceUnavailableNoRetryAfter] = 0.04,
                [FaultKind.GatewayTimeout] = 0.04,
                [FaultKind.Throttled] = 0.05,
                [FaultKind.DropConnection] = 0.05,
                [FaultKind.DropMidBody] = 0.05,
                [FaultKind.TruncatedBody] = 0.05,
                [FaultKind.ExpiredSkipToken] = 0.08,
            },
        };
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { RandomFaults = faults });
        var query = graph.WholeRange();
        var truth = graph.Truth(query);

        var (records, progress, _) = await graph.ReadAsync(query);

        AssertExactlyOnce(truth, records);
        var log = graph.Host.Requests.SignIns();
        foreach (var kind in faults.Rates.Keys)
        {
            Assert.Contains(log, r => r.Fault == kind);
        }

        Assert.True(progress.Retries > 0);
        Assert.True(progress.Throttled > 0);
    }

    [Fact]
    public async Task Server_filters_are_escaped_and_return_exactly_the_matching_records()
    {
        await using var graph = await SimulatedGraph.StartAsync();
        var sample = graph.Host.Tenant.SignIns.First(s => s.ErrorCode != 0 && s.UserPrincipalName is not null && s.IsInteractiveUser);
        var whole = graph.WholeRange();
        var query = new SignInQuery(whole.Start, whole.End)
        {
            UserPrincipalNames = new[] { sample.UserPrincipalName!, "o'neil@contoso.com" },
            ErrorCodes = new[] { sample.ErrorCode },
        };
        var truth = graph.Truth(query, s => (s.UserPrincipalName == sample.UserPrincipalName || s.UserPrincipalName == "o'neil@contoso.com") && s.ErrorCode == sample.ErrorCode);

        var (records, _, _) = await graph.ReadAsync(query);

        AssertExactlyOnce(truth, records);
        Assert.All(graph.Host.Requests.SignIns().Where(r => !r.HasSkipToken), r =>
        {
            Assert.Contains("userPrincipalName eq 'o''neil@contoso.com'", r.Filter, StringComparison.Ordinal);
            Assert.Contains("status/errorCode eq " + sample.ErrorCode, r.Filter, StringComparison.Ordinal);
            Assert.NotEqual(400, r.Status);
        });
    }

    [Fact]
    public async Task First_stops_after_that_many_records()
    {
        await using var graph = await SimulatedGraph.StartAsync();
        var whole = graph.WholeRange();

        var (records, _, _) = await graph.ReadAsync(new SignInQuery(whole.Start, whole.End) { First = 55 });

        Assert.Equal(55, records.Count);
        Assert.Equal(55, records.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(FaultKind.NonPremiumTenant, "NoPremiumLicense", FailureKind.PermissionDenied)]
    [InlineData(FaultKind.UnsupportedUserRole, "MissingDirectoryRole", FailureKind.PermissionDenied)]
    [InlineData(FaultKind.MissingScope, "GraphPermissionDenied", FailureKind.PermissionDenied)]
    [InlineData(FaultKind.Unauthorized, "GraphUnauthorized", FailureKind.AuthenticationError)]
    public async Task Tenant_errors_become_guidance(FaultKind fault, string errorId, FailureKind kind)
    {
        await using var graph = await SimulatedGraph.StartAsync();
        graph.Host.Faults.NextTimes(1000, fault, r => r.IsSignIns);

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => graph.ReadAsync(graph.WholeRange()));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.NotNull(error.RecommendedAction);
        if (fault == FaultKind.MissingScope)
        {
            Assert.Contains("AuditLog.Read.All", error.RecommendedAction, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hidden_conditional_access_details_are_warned_about_once()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ConditionalAccess = EntraStrongAuth.GraphSimulator.ConditionalAccessVisibility.Null });

        var (records, _, warnings) = await graph.ReadAsync(graph.WholeRange());

        Assert.NotEmpty(records);
        Assert.Contains("Policy.Read.All", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fractional_Retry_After_is_honoured_rather_than_the_default_wait()
    {
        // Graph's throttling guidance shows "Retry-After: 2.128"; HttpClient's typed header rejects fractions.
        // The simulator's own rate throttle is off: a client and server sliding window that disagree by a few
        // milliseconds on a busy machine add 429s of their own, and this test is about the one injected below.
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { RetryAfterFormat = RetryAfterFormat.Fractional, ThrottleRequests = 0 });
        graph.Host.Faults.Next(FaultKind.Throttled, retryAfter: TimeSpan.FromSeconds(25)); // 0.5 s at the tests' time scale
        var query = graph.WholeRange();
        var options = SimulatedGraph.FastRetries();
        options = new RetrievalOptions
        {
            PageSize = options.PageSize,
            BackoffBase = options.BackoffBase,
            BackoffMax = options.BackoffMax,
            MinimumSliceSpan = options.MinimumSliceSpan,
            MaxAttempts = options.MaxAttempts,
            DefaultRetryAfter = TimeSpan.FromSeconds(30),
        };
        var started = DateTime.UtcNow;

        var (records, progress, _) = await graph.ReadAsync(query, options);

        AssertExactlyOnce(graph.Truth(query), records);
        Assert.Equal(1, progress.Throttled);
        Assert.Contains(graph.Host.Requests.SignIns(), r => r.RetryAfter == "0.5");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "took " + (DateTime.UtcNow - started) + ": the 30 s default was used");
    }
}
