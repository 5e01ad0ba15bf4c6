using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>A retired connection keeps working for the commands that hold a lease on it, and is released after the last.</summary>
public class ConnectionLeaseTests
{
    private static async Task<GraphConnection> ConnectAsync(GraphSimulatorHost host)
    {
        var environment = CloudEnvironment.Custom(new Uri("https://login.simulator.invalid/"), host.GraphBaseUri);
        var connection = await GraphConnection.ConnectAsync(new ConnectionOptions(CredentialKind.AccessToken, environment) { Secret = TestSecrets.Secure(host.IssueToken()) }, CancellationToken.None);
        connection.SetRequestLimit(1000, TimeSpan.FromSeconds(1));
        return connection;
    }

    private static async Task<long> ReadAllAsync(GraphConnection connection, GraphSimulatorHost host)
    {
        var times = host.Tenant.SignIns.Select(s => s.CreatedDateTime).ToArray();
        var query = new Core.Retrieval.SignInQuery(times.Min(), times.Max().AddSeconds(1));
        var progress = await new SignInRetriever(connection, new RetrievalOptions { PageSize = 50 })
            .RunAsync(query, _ => Task.CompletedTask, _ => Task.CompletedTask, new RetrievalEvents(), CancellationToken.None);
        return progress.Records;
    }

    [Fact]
    public async Task Two_users_keep_a_retired_connection_working_until_the_last_one_returns_it()
    {
        await using var host = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = new SimDataSource { Users = 12, Days = 2 }, ThrottleRequests = 0 });
        var connection = await ConnectAsync(host);
        var first = connection.TryLease()!;
        var second = connection.TryLease()!;

        // Connect-EntraStrongAuth elsewhere retires it while both users still read.
        connection.Dispose();

        Assert.Null(connection.TryLease());
        Assert.False(connection.IsReleased);
        var expected = await ReadAllAsync(first.Connection, host);
        Assert.True(expected > 0);
        first.Dispose();
        first.Dispose(); // returned once, however often disposed
        Assert.False(connection.IsReleased);
        Assert.Equal(expected, await ReadAllAsync(second.Connection, host));

        second.Dispose();

        Assert.True(connection.IsReleased);
        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => ReadAllAsync(connection, host));
    }

    [Fact]
    public async Task Concurrent_users_and_a_retirement_release_the_connection_exactly_when_the_last_user_ends()
    {
        await using var host = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = new SimDataSource { Users = 12, Days = 2 }, ThrottleRequests = 0, PageLatency = TimeSpan.FromMilliseconds(100) });
        var connection = await ConnectAsync(host);
        var leases = Enumerable.Range(0, 2).Select(_ => connection.TryLease()!).ToArray();

        var reads = leases.Select(lease => Task.Run(async () =>
        {
            try
            {
                return await ReadAllAsync(lease.Connection, host);
            }
            finally
            {
                lease.Dispose();
            }
        })).ToArray();
        await Task.Delay(150);
        connection.Dispose();
        var records = await Task.WhenAll(reads);

        Assert.True(records[0] > 0);
        Assert.Equal(records[0], records[1]);
        Assert.True(connection.IsReleased);
    }
}
