using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Generation;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>One failed sign-in of the generated tenant and its true cause (a row of the generator's truth.csv).</summary>
internal sealed record TruthRow(string SignInId, int ErrorCode, FailureCause Cause, string UserPrincipalName, DateTimeOffset CreatedDateTime, string CorrelationId, bool IsInteractive);

/// <summary>
/// The seed-42 tenant (60 users, 7 days) the simulator serves, loaded once, with its answer key: the generator's
/// true cause of every failure, from the same stream truth.csv is written from.
/// </summary>
public sealed class LiveDiagnosisTenant
{
    public const int Seed = 42;
    public const int Users = 60;
    public const int Days = 7;

    public LiveDiagnosisTenant()
    {
        Tenant = SimTenant.Load(SimDataSource.Generated(Seed, Users, Days));
        var stream = new SignInStream(Seed, Users, GeneratorOptions.DefaultEnd, Days);
        Truth = stream.NewestFirst(Days)
            .Where(s => !s.IsSuccess && s.TrueCause is not null)
            .Select(s => new TruthRow(s.Id, s.ErrorCode, s.TrueCause!.Value, s.User.UserPrincipalName, new DateTimeOffset(s.CreatedDateTime, TimeSpan.Zero), s.CorrelationId, s.IsInteractive))
            .ToList();
    }

    public SimTenant Tenant { get; }

    internal IReadOnlyList<TruthRow> Truth { get; }

    /// <summary>Just after the data ends: every failure's flow and fallback window are inside the data.</summary>
    public static DateTimeOffset Now => new DateTimeOffset(GeneratorOptions.DefaultEnd, TimeSpan.Zero).AddHours(2);
}

[CollectionDefinition(Name)]
public sealed class LiveDiagnosisTenantGroup : ICollectionFixture<LiveDiagnosisTenant>
{
    public const string Name = "Live diagnosis tenant";
}

/// <summary>
/// A simulator over <see cref="LiveDiagnosisTenant"/> and a real module connection to it (access token, the Graph
/// SDK pipeline), ready to run the FailureDiagnosis service as Debug-StrongAuthFailure does when connected.
/// </summary>
internal sealed class LiveDiagnosisGraph : IAsyncDisposable
{
    private LiveDiagnosisGraph(GraphSimulatorHost host, GraphConnection connection)
    {
        Host = host;
        Connection = connection;
    }

    public GraphSimulatorHost Host { get; }

    public GraphConnection Connection { get; }

    /// <summary>Starts the simulator; its throttle and the connection's limiter both follow <paramref name="options"/> (off by default).</summary>
    public static Task<LiveDiagnosisGraph> StartAsync(LiveDiagnosisTenant tenant, GraphSimulatorOptions? options = null) =>
        StartAsync(tenant.Tenant, SimDataSource.Generated(LiveDiagnosisTenant.Seed, LiveDiagnosisTenant.Users, LiveDiagnosisTenant.Days), options);

    /// <summary>Starts the simulator over another generated tenant (<paramref name="data"/> names it, <paramref name="tenant"/> is it loaded).</summary>
    public static async Task<LiveDiagnosisGraph> StartAsync(SimTenant tenant, SimDataSource data, GraphSimulatorOptions? options = null)
    {
        options ??= new GraphSimulatorOptions { ThrottleRequests = 0 };
        var host = await GraphSimulatorHost.StartAsync(options with { Data = data }, tenant);
        var token = EntraStrongAuth.Tests.Connection.TestSecrets.Secure(host.IssueToken());
        var environment = CloudEnvironment.Custom(new Uri("https://login.simulator.invalid/"), host.GraphBaseUri);
        var connection = await GraphConnection.ConnectAsync(new ConnectionOptions(CredentialKind.AccessToken, environment) { Secret = token }, CancellationToken.None);
        connection.SetRequestLimit(options.ThrottleRequests > 0 ? options.ThrottleRequests : 1000, TimeSpan.FromTicks((long)(options.ThrottleWindow.Ticks * options.TimeScale)));
        return new LiveDiagnosisGraph(host, connection);
    }

    /// <summary>
    /// Diagnoses <paramref name="requests"/> live, as the connected command does: sign-ins from Graph and, unless
    /// <paramref name="withTenantData"/> is false, the tenant's policies and the users' methods from Graph too.
    /// </summary>
    public async Task<(IReadOnlyList<StrongAuthDiagnosis> Diagnoses, RecordingRunHost Host, int SignInRequests)> DiagnoseAsync(
        IEnumerable<DiagnosisRequest> requests, bool withTenantData = true, DateTimeOffset? now = null)
    {
        var clock = now ?? LiveDiagnosisTenant.Now;
        var host = new RecordingRunHost();
        var diagnosis = new FailureDiagnosis(new FailureDiagnosisOptions { Now = clock }, host);
        foreach (var request in requests)
        {
            diagnosis.Add(request);
        }

        var source = new LiveDiagnosisSignIns(new LiveSignInReader(Connection, host, 2, "Reading sign-ins from Microsoft Graph") { CallerReportsHiddenConditionalAccess = true }, () => clock);
        var tenant = withTenantData ? new TenantEnrollmentData(Connection, host) : null;
        await diagnosis.RunAsync(source, tenant, "no tenant data in this test", CancellationToken.None);
        return (host.Output.OfType<StrongAuthDiagnosis>().ToList(), host, source.Requests);
    }

    /// <summary>The request a pasted AADSTS message of <paramref name="row"/> becomes: its Trace ID, correlation, code and time.</summary>
    public static DiagnosisRequest Pasted(TruthRow row) =>
        new() { RequestId = row.SignInId, CorrelationId = row.CorrelationId, At = row.CreatedDateTime, ErrorCodes = new[] { row.ErrorCode } };

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Host.DisposeAsync();
    }
}
