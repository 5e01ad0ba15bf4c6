using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Workspace;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.GraphSimulator.LogAnalytics;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Connection;

namespace EntraStrongAuth.Tests.Workspace;

/// <summary>The simulator's Log Analytics API and a real module connection to it (access tokens for Graph and for Log Analytics).</summary>
internal sealed class SimulatedWorkspace : IAsyncDisposable
{
    private SimulatedWorkspace(GraphSimulatorHost host, GraphConnection connection)
    {
        Host = host;
        Connection = connection;
    }

    public GraphSimulatorHost Host { get; }

    public GraphConnection Connection { get; }

    public Guid WorkspaceId => Guid.Parse(Host.WorkspaceId);

    public static async Task<SimulatedWorkspace> StartAsync(LogAnalyticsOptions? logAnalytics = null, SimTenant? tenant = null)
    {
        var host = await GraphSimulatorHost.StartAsync(
            new GraphSimulatorOptions { ThrottleRequests = 0, Data = new GraphSimulatorOptions().Data with { Users = 120, Days = 7, Activity = 8 }, LogAnalytics = logAnalytics ?? new LogAnalyticsOptions() },
            tenant);
        var environment = CloudEnvironment.Custom(new Uri("https://login.simulator.invalid/"), host.GraphBaseUri).WithLogAnalyticsEndpoint(host.LogAnalyticsBaseUri);
        var options = new ConnectionOptions(CredentialKind.AccessToken, environment) { Secret = TestSecrets.Secure(host.IssueToken()), LogAnalyticsAccessToken = TestSecrets.Secure(host.IssueToken("22222222-2222-2222-2222-222222222222")) };
        var connection = await GraphConnection.ConnectAsync(options, CancellationToken.None);
        connection.SetRequestLimit(1000, TimeSpan.FromSeconds(1));
        return new SimulatedWorkspace(host, connection);
    }

    /// <summary>Reads a query through a workspace reader; the host records what it says.</summary>
    public async Task<(List<SignInEvent> SignIns, RecordingRunHost Host, LogAnalyticsQueryClient Client)> ReadAsync(SignInQuery query, int pageRows = 10000)
    {
        var host = new RecordingRunHost();
        var client = LogAnalyticsQueryClient.For(Connection, WorkspaceId, new WorkspaceClientOptions { MaxThrottledWait = TimeSpan.FromSeconds(20) });
        var reader = new WorkspaceSignInReader(client, host, 1, "Reading sign-ins") { PageRows = pageRows };
        var signIns = new List<SignInEvent>();
        await reader.ReadAsync(query, s => { signIns.Add(s); return Task.CompletedTask; }, CancellationToken.None);
        return (signIns, host, client);
    }

    /// <summary>The user sign-ins the tenant holds in the query's range (what Graph and the workspace should both return).</summary>
    public IReadOnlyList<SimSignIn> Truth(SignInQuery query) =>
        Host.Tenant.SignIns
            .Where(s => s.CreatedDateTime >= query.Start && s.CreatedDateTime < query.End)
            .Where(s => s.SignInEventTypes.Any(t => t is "interactiveUser" or "nonInteractiveUser"))
            .ToArray();

    public SignInQuery WholeRange()
    {
        var times = Host.Tenant.SignIns.Select(s => s.CreatedDateTime).ToArray();
        return new SignInQuery(times.Min(), times.Max().AddSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Host.DisposeAsync();
    }
}
