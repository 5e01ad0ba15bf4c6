using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>A 429 that never lifts ends in a clear GraphThrottled error after a bounded wait, with a warning on the way.</summary>
public class ThrottlingBudgetTests
{
    // Graph time; the simulator and SimulatedGraph scale it by 0.02, so 5 s is 0.1 s here.
    private static readonly TimeSpan GraphRetryAfter = TimeSpan.FromSeconds(5);

    private static RetrievalOptions Budget(TimeSpan max, TimeSpan warnAfter)
    {
        var fast = SimulatedGraph.FastRetries();
        return new RetrievalOptions
        {
            PageSize = fast.PageSize,
            BackoffBase = fast.BackoffBase,
            BackoffMax = fast.BackoffMax,
            DefaultRetryAfter = fast.DefaultRetryAfter,
            MinimumSliceSpan = fast.MinimumSliceSpan,
            MaxAttempts = fast.MaxAttempts,
            MaxThrottledWait = max,
            ThrottledWaitWarning = warnAfter,
        };
    }

    private static async Task<(EntraStrongAuthException Error, List<string> Warnings, TimeSpan Took)> ReadUntilFailureAsync(SimulatedGraph graph, RetrievalOptions options)
    {
        var (events, warnings) = CollectedWarnings.Events();

        // Before the bound existed this read never ended: the timeout turns a hang into a failed test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => new SignInRetriever(graph.Connection, options)
            .RunAsync(graph.WholeRange(), _ => Task.CompletedTask, _ => Task.CompletedTask, events, timeout.Token));
        return (error, warnings, watch.Elapsed);
    }

    [Fact]
    public async Task A_permanent_429_stops_with_GraphThrottled_after_the_budget_and_warns_once_on_the_way()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { RetryAfterFormat = RetryAfterFormat.Fractional, ThrottleRequests = 0 });
        graph.Host.Faults.NextTimes(int.MaxValue, FaultKind.Throttled, retryAfter: GraphRetryAfter);

        var (error, warnings, took) = await ReadUntilFailureAsync(graph, Budget(max: TimeSpan.FromSeconds(1.5), warnAfter: TimeSpan.FromSeconds(0.5)));

        Assert.Equal(ErrorIds.GraphThrottled, error.ErrorId);
        Assert.Equal(FailureKind.ResourceUnavailable, error.Kind);
        Assert.Contains("answers 429", error.Message, StringComparison.Ordinal);
        Assert.Contains("-Resume", error.RecommendedAction, StringComparison.Ordinal);
        var warning = Assert.Single(warnings);
        Assert.Contains("so far", warning, StringComparison.Ordinal);
        Assert.Contains("GraphThrottled after 1.5 s", warning, StringComparison.Ordinal);

        // 1.5 s of 0.1 s pauses shared by both slices: a bounded number of requests, every one of them answered 429.
        var requests = graph.Host.Requests.SignIns();
        Assert.InRange(requests.Count, 2, 40);
        Assert.All(requests, r => Assert.Equal(429, r.Status));
        Assert.True(took < TimeSpan.FromSeconds(20), "took " + took);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_budget_stops_at_once_instead_of_waiting_it_out()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { RetryAfterFormat = RetryAfterFormat.Fractional, ThrottleRequests = 0 });
        graph.Host.Faults.NextTimes(int.MaxValue, FaultKind.Throttled, retryAfter: TimeSpan.FromHours(1)); // 72 s here

        var (error, _, took) = await ReadUntilFailureAsync(graph, Budget(max: TimeSpan.FromSeconds(2), warnAfter: TimeSpan.FromSeconds(1)));

        Assert.Equal(ErrorIds.GraphThrottled, error.ErrorId);
        Assert.Contains("asks to wait 1 min 12 s more", error.Message, StringComparison.Ordinal);
        Assert.InRange(graph.Host.Requests.SignIns().Count, 1, 2);
        Assert.True(took < TimeSpan.FromSeconds(20), "took " + took);
    }

    [Fact]
    public async Task Throttling_that_lifts_within_the_budget_still_delivers_every_record_once()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { RetryAfterFormat = RetryAfterFormat.Fractional, ThrottleRequests = 0 });
        graph.Host.Faults.NextTimes(6, FaultKind.Throttled, retryAfter: GraphRetryAfter);
        var query = graph.WholeRange();

        var (records, progress, warnings) = await graph.ReadAsync(query, Budget(max: TimeSpan.FromSeconds(5), warnAfter: TimeSpan.FromSeconds(4)));

        Assert.Equal(6, progress.Throttled);
        Assert.Empty(warnings);
        var ids = records.Select(r => r.Id!).ToList();
        Assert.Equal(graph.Truth(query).Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal), ids.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void An_answer_that_gets_through_ends_the_streak()
    {
        var budget = new ThrottleBudget(new RetrievalOptions { MaxThrottledWait = TimeSpan.FromMinutes(5), ThrottledWaitWarning = TimeSpan.FromMinutes(1) });
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Null(budget.Throttled(start, TimeSpan.FromSeconds(30), 1));
        Assert.Contains("for 30 s so far (2 answers 429)", budget.Throttled(start.AddSeconds(30), TimeSpan.FromSeconds(30), 2), StringComparison.Ordinal);
        budget.Reset();

        // A new streak: four minutes later nothing is over the budget, and the warning is not repeated.
        Assert.Null(budget.Throttled(start.AddMinutes(4), TimeSpan.FromMinutes(4), 3));
        Assert.Null(budget.Throttled(start.AddMinutes(8), TimeSpan.FromSeconds(30), 4));
        var error = Assert.Throws<EntraStrongAuthException>(() => budget.Throttled(start.AddMinutes(8).AddSeconds(45), TimeSpan.FromSeconds(30), 5));
        Assert.Contains("every request for 4 min 45 s (5 answers 429)", error.Message, StringComparison.Ordinal);
    }
}
