using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Ctrl+C during a live read: it stops within a second, and what was delivered stays delivered, once.</summary>
[Collection(TimingSensitive.Name)]
public class RetrievalCancellationTests
{
    [Fact]
    public async Task Cancelling_stops_within_a_second_and_keeps_what_was_delivered()
    {
        // Pages take 0.4 s: some are delivered before the cancel, the next ones are in flight when it comes.
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { PageLatency = TimeSpan.FromSeconds(20) });
        var delivered = new List<Core.SignIns.SignInEvent>();
        using var cancel = new CancellationTokenSource();
        var cancelledAt = DateTime.MaxValue;
        var retriever = new EntraStrongAuth.Engine.Retrieval.SignInRetriever(graph.Connection, SimulatedGraph.FastRetries());
        var run = retriever.RunAsync(
            graph.WholeRange(),
            record =>
            {
                delivered.Add(record);
                if (delivered.Count == 50)
                {
                    cancelledAt = DateTime.UtcNow;
                    cancel.Cancel();
                }

                return Task.CompletedTask;
            },
            _ => Task.CompletedTask,
            new EntraStrongAuth.Engine.Retrieval.RetrievalEvents(),
            cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // The promise is "within a second"; idle runs stop in 7-40 ms. The margin is for a CI machine busy elsewhere.
        Assert.True(DateTime.UtcNow - cancelledAt < TimeSpan.FromSeconds(1.5), "stopped " + (DateTime.UtcNow - cancelledAt) + " after the cancel");
        Assert.InRange(delivered.Count, 50, graph.Truth(graph.WholeRange()).Count - 1);
        Assert.Equal(delivered.Count, delivered.Select(r => r.Id).Distinct().Count());
    }
}
