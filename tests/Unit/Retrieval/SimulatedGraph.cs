using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>
/// A Graph simulator on loopback and a real module connection to it (access token, custom environment), with time
/// scaled down so a 10 s throttle window lasts a fraction of a second on both sides.
/// </summary>
internal sealed class SimulatedGraph : IAsyncDisposable
{
    public const double TimeScale = 0.02;

    private SimulatedGraph(GraphSimulatorHost host, GraphConnection connection)
    {
        Host = host;
        Connection = connection;
    }

    public GraphSimulatorHost Host { get; }

    public GraphConnection Connection { get; }

    /// <summary>The whole tenant's time range: [oldest, newest + 1 s).</summary>
    public SignInQuery WholeRange()
    {
        var times = Host.Tenant.SignIns.Select(s => s.CreatedDateTime).ToArray();
        return new SignInQuery(times.Min(), times.Max().AddSeconds(1));
    }

    /// <summary>What Graph should return for user sign-ins (interactive and non-interactive) in the range.</summary>
    public IReadOnlyList<SimSignIn> Truth(SignInQuery query, Func<SimSignIn, bool>? where = null) =>
        Host.Tenant.SignIns
            .Where(s => s.CreatedDateTime >= query.Start && s.CreatedDateTime < query.End)
            .Where(s => s.SignInEventTypes.Any(t => t is "interactiveUser" or "nonInteractiveUser"))
            .Where(where ?? (_ => true))
            .ToArray();

    public static async Task<SimulatedGraph> StartAsync(GraphSimulatorOptions? options = null)
    {
        options ??= new GraphSimulatorOptions();
        var host = await GraphSimulatorHost.StartAsync(options with
        {
            Data = options.Data with { Users = 120, Days = 7, Activity = 8 },
            TimeScale = TimeScale,
        });
        var token = EntraStrongAuth.Tests.Connection.TestSecrets.Secure(host.IssueToken());
        var environment = CloudEnvironment.Custom(new Uri("https://login.simulator.invalid/"), host.GraphBaseUri);
        var connection = await GraphConnection.ConnectAsync(new ConnectionOptions(CredentialKind.AccessToken, environment) { Secret = token }, CancellationToken.None);
        connection.SetRequestLimit(options.ThrottleRequests > 0 ? options.ThrottleRequests : 1000, TimeSpan.FromTicks((long)(options.ThrottleWindow.Ticks * TimeScale)));
        return new SimulatedGraph(host, connection);
    }

    public static RetrievalOptions FastRetries(int pageSize = 40, int maxAttempts = 12) => new()
    {
        PageSize = pageSize,
        BackoffBase = TimeSpan.FromMilliseconds(5),
        BackoffMax = TimeSpan.FromMilliseconds(50),
        DefaultRetryAfter = TimeSpan.FromMilliseconds(200),
        MinimumSliceSpan = TimeSpan.FromMinutes(10),
        MaxAttempts = maxAttempts,
    };

    public async Task<(List<EntraStrongAuth.Core.SignIns.SignInEvent> Records, RetrievalProgress Progress, List<string> Warnings)> ReadAsync(
        SignInQuery query, RetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var records = new List<EntraStrongAuth.Core.SignIns.SignInEvent>();
        var warnings = new List<string>();
        var problems = new List<EntraStrongAuth.Core.SignIns.SignInReadProblem>();
        var retriever = new SignInRetriever(Connection, options ?? FastRetries());
        var events = new RetrievalEvents
        {
            Warning = message =>
            {
                lock (warnings)
                {
                    warnings.Add(message);
                }

                return Task.CompletedTask;
            },
        };
        var progress = await retriever.RunAsync(
            query,
            record =>
            {
                records.Add(record);
                return Task.CompletedTask;
            },
            problem =>
            {
                problems.Add(problem);
                return Task.CompletedTask;
            },
            events,
            cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Unexpected read problems: " + string.Join("; ", problems));
        }

        return (records, progress, warnings);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Host.DisposeAsync();
    }
}
