using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// A running simulator on 127.0.0.1. <c>await using var sim = await GraphSimulatorHost.StartAsync(options);</c>
/// then point a client at <see cref="GraphBaseUri"/> (Graph) and <see cref="AuthorityUri"/> (token endpoint).
/// </summary>
public sealed class GraphSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SimulatorService service;

    private GraphSimulatorHost(WebApplication app, SimulatorService service, GraphSimulatorOptions options, X509Certificate2? certificate)
    {
        this.app = app;
        this.service = service;
        Options = options;
        Certificate = certificate;
    }

    public GraphSimulatorOptions Options { get; }

    /// <summary>http(s)://127.0.0.1:port/ — Graph paths hang off it (<c>beta/auditLogs/signIns</c>).</summary>
    public Uri BaseUri => service.BaseUri;

    /// <summary>The Graph endpoint as the module's custom environment wants it (same as <see cref="BaseUri"/>).</summary>
    public Uri GraphBaseUri => service.BaseUri;

    /// <summary>The Log Analytics query API's endpoint (same host): POST {LogAnalyticsBaseUri}v1/workspaces/{WorkspaceId}/query.</summary>
    public Uri LogAnalyticsBaseUri => service.BaseUri;

    /// <summary>The workspace id the query API answers for (<see cref="LogAnalytics.LogAnalyticsOptions.WorkspaceId"/>).</summary>
    public string WorkspaceId => Options.LogAnalytics.WorkspaceId;

    /// <summary>The authority host for Azure.Identity / MSAL (token endpoint at {tenant}/oauth2/v2.0/token).</summary>
    public Uri AuthorityUri => service.BaseUri;

    /// <summary>Every request, with status, fault and filter (never a token).</summary>
    public RequestLog Requests => service.Requests;

    /// <summary>The scripted fault script (a queue of rules).</summary>
    public FaultScript Faults => service.Faults;

    /// <summary>The data served: ground truth for tests.</summary>
    public SimTenant Tenant => service.Tenant;

    /// <summary>The self-signed server certificate when <see cref="GraphSimulatorOptions.UseHttps"/> is on.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Starts a simulator; loads or generates <see cref="GraphSimulatorOptions.Data"/> unless <paramref name="tenant"/> is given.</summary>
    public static async Task<GraphSimulatorHost> StartAsync(GraphSimulatorOptions? options = null, SimTenant? tenant = null,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        options ??= new GraphSimulatorOptions();
        if (options.TimeScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TimeScale must be above 0.");
        }

        tenant ??= await Task.Run(() => SimTenant.Load(options.Data, options.TenantId), cancellationToken);
        if (options.LogAnalytics.Preload)
        {
            await Task.Run(() => tenant.LogAnalytics, cancellationToken);
        }

        var service = new SimulatorService(options, tenant, time ?? TimeProvider.System);
        var certificate = options.UseHttps ? CreateCertificate() : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        Map(app, service);
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return new GraphSimulatorHost(app, service, options, certificate);
    }

    /// <summary>A JWT-shaped fake access token carrying <paramref name="appId"/> (the simulator throttles per appid).</summary>
    public string IssueToken(string appId = "11111111-1111-1111-1111-111111111111") => TokenEndpoints.CreateAccessToken(appId, Tenant.TenantId, service.Time);

    /// <summary>Completes when the host stops (CLI mode).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
            Certificate?.Dispose();
        }
    }

    private static void Map(WebApplication app, SimulatorService service)
    {
        foreach (string version in new[] { "beta", "v1.0" })
        {
            app.MapGet("/" + version + "/auditLogs/signIns", (HttpContext context) => service.SignInsAsync(context, version));
            app.MapGet("/" + version + "/organization", (HttpContext context) => service.OrganizationAsync(context, version));
            app.MapGet("/" + version + "/{**rest}", (HttpContext context) => service.RouteAsync(context));
            app.MapPost("/" + version + "/$batch", (HttpContext context) => service.BatchAsync(context, version));
            app.MapPost("/" + version + "/directoryObjects/getByIds", (HttpContext context) => service.GetByIdsAsync(context, version));
        }

        TokenEndpoints.Map(app, service);
        app.MapPost("/v1/workspaces/{workspaceId}/query", (HttpContext context, string workspaceId) => service.LogAnalyticsQueryAsync(context, workspaceId));

        // Counters for out-of-process callers (the benchmarks), which cannot read Requests; not itself logged.
        // Cumulative: a caller diffs two snapshots. The signIns counters are the live-retrieval bench's; the others
        // count every Graph request: graphRequests as the throttle counts them (inner $batch requests one by one, the
        // envelope not), httpRequests as round trips (an envelope once, its inner requests not).
        app.MapGet("/_sim/stats", () =>
        {
            var all = service.Requests.Snapshot();
            var signIns = all.Where(r => r.IsSignIns).ToArray();
            var graph = all.Where(r => r.Endpoint is not (SimEndpoint.Batch or SimEndpoint.LogAnalyticsQuery)).ToArray();
            var queries = all.Where(r => r.IsLogAnalyticsQuery).ToArray();
            return Results.Json(new
            {
                signInsRequests = signIns.Length,
                throttled = signIns.Count(r => r.Status == 429),
                errors = signIns.Count(r => r.Status >= 400 && r.Status != 429),
                records = signIns.Sum(r => (long)r.Records),
                // Bytes of the sign-in pages' bodies as sent: what reading from Graph costs on the wire (uncompressed).
                signInsBytes = signIns.Sum(r => r.Bytes),
                totalSignIns = service.Tenant.SignIns.Count,
                graphRequests = graph.Length,
                graphThrottled = graph.Count(r => r.Status == 429),
                graphErrors = graph.Count(r => r.Status >= 400 && r.Status != 429),
                httpRequests = all.Count(r => !r.InBatch),
                byEndpoint = graph.GroupBy(r => r.Endpoint.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                // The decoded $filter of every signIns request, in order: Pester asserts what was pushed to the server.
                signInsFilters = signIns.Select(r => r.Filter).ToArray(),
                // Log Analytics queries: count, throttled, errors, rows and bytes returned, answers cut at a cap.
                laQueries = queries.Length,
                laThrottled = queries.Count(r => r.Status == 429),
                laErrors = queries.Count(r => r.Status >= 400 && r.Status != 429),
                laRows = queries.Sum(r => (long)r.Records),
                laBytes = queries.Sum(r => r.Bytes),
                laPartial = queries.Count(r => r.Partial),
            });
        });
        app.MapFallback((HttpContext context) => service.NotFoundAsync(context));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
