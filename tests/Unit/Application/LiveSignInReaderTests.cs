using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>LiveSignInReader against the loopback Graph simulator: every sign-in handed on, verbose lines and progress through the host.</summary>
public class LiveSignInReaderTests
{
    [Fact]
    public async Task A_query_is_read_whole_with_its_verbose_lines_and_a_completed_progress_report()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 });
        var query = graph.WholeRange();
        var host = new RecordingRunHost();
        var reader = new LiveSignInReader(graph.Connection, host, 7, "Reading sign-ins from Microsoft Graph");
        long seen = 0;

        var result = await reader.ReadAsync(query, _ => { Interlocked.Increment(ref seen); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(graph.Truth(query).Count, seen);
        Assert.Equal(seen, result.Records);
        Assert.StartsWith("Reading sign-ins from ", host.Verbose[0], StringComparison.Ordinal);
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, "Read {0:N0} sign-ins in ", seen), host.Verbose[host.Verbose.Count - 1], StringComparison.Ordinal);
        var last = host.Progress[host.Progress.Count - 1];
        Assert.True(last.Completed);
        Assert.Equal((7, "Reading sign-ins from Microsoft Graph"), (last.ActivityId, last.Activity));
        Assert.Empty(host.Errors);

        // The last report says the totals of the read: every sign-in with the rate, the whole range covered.
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:N0} sign-ins read (", seen), last.Status, StringComparison.Ordinal);
        Assert.Matches(@"/s\) · ([\d.,]+) of \1 (days|h) · (\d+) of \3 slices · [\d,]+ requests · \d+ throttled$", last.Status);
        Assert.Equal(100, last.PercentComplete);
    }

    [Fact]
    public async Task Hidden_conditional_access_is_warned_about_once_per_run_whatever_the_number_of_reads()
    {
        // Get-StrongAuthFailure reads the failures, then the successes in batches of users: one reader, several reads.
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, ConditionalAccess = EntraStrongAuth.GraphSimulator.ConditionalAccessVisibility.Null });
        var host = new RecordingRunHost();
        var reader = new LiveSignInReader(graph.Connection, host, 7, "Reading sign-ins from Microsoft Graph");

        for (var read = 0; read < 3; read++)
        {
            await reader.ReadAsync(graph.WholeRange(), _ => Task.CompletedTask, CancellationToken.None);
        }

        Assert.Contains("Policy.Read.All", Assert.Single(host.Warnings), StringComparison.Ordinal);
    }
}
