using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// The simulator's behaviour, independent of hosting, one partial file per job: admission (token, throttle, faults),
/// the exchange (log, responses), signIns, organization, the directory endpoints and their paging, $batch.
/// </summary>
internal sealed partial class SimulatorService
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private readonly GraphSimulatorOptions options;
    private readonly Throttle throttle;
    private readonly RandomFaults randomFaults;
    private readonly byte[][] enumNeedles;
    private readonly HashSet<string>? acceptedTokens;

    public SimulatorService(GraphSimulatorOptions options, SimTenant tenant, TimeProvider time)
    {
        this.options = options;
        Tenant = tenant;
        Time = time;
        throttle = new Throttle(options.ThrottleRequests, Scale(options.ThrottleWindow), options.CountThrottledRequests, time);
        randomFaults = new RandomFaults(options.RandomFaults);
        enumNeedles = RenderPlan.Needles(options.EvolvableEnums);
        acceptedTokens = options.AcceptedTokens is { Count: > 0 } tokens ? new HashSet<string>(tokens, StringComparer.Ordinal) : null;
        var la = options.LogAnalytics;
        queryThrottle = new Throttle(la.ThrottleRequests, Scale(la.ThrottleWindow), countRejected: false, time);
        queryGate = new LogAnalytics.QueryGate(la.MaxConcurrent, la.QueueLength, Scale(la.QueueTimeout));
    }

    public SimTenant Tenant { get; }

    public TimeProvider Time { get; }

    public RequestLog Requests { get; } = new();

    public FaultScript Faults { get; } = new();

    /// <summary>Set once the server listens: the base every link points at (…/ with a trailing slash).</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public TimeSpan Scale(TimeSpan graphTime) => TimeSpan.FromTicks((long)(graphTime.Ticks * options.TimeScale));

    /// <summary>GET /{v1.0|beta}/organization: what a connect check reads.</summary>
    public Task OrganizationAsync(HttpContext context, string version) =>
        HandleAsync(context, Admission.TokenAndScriptedFault, exchange => OrganizationBodyAsync(exchange, version));

    private async Task OrganizationBodyAsync(Exchange exchange, string version)
    {
        using var body = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#organization").ToString());
            writer.WriteStartArray("value");
            writer.WriteStartObject();
            writer.WriteString("id", Tenant.TenantId);
            writer.WriteString("displayName", Tenant.DisplayName);
            writer.WriteString("tenantType", "AAD");
            writer.WriteStartArray("verifiedDomains");
            WriteDomain(writer, Tenant.Domain, isDefault: true, isInitial: false);
            WriteDomain(writer, Tenant.Domain.Split('.')[0] + ".onmicrosoft.com", isDefault: false, isInitial: true);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await exchange.SendAsync(200, body.ToArray());

        static void WriteDomain(Utf8JsonWriter writer, string name, bool isDefault, bool isInitial)
        {
            writer.WriteStartObject();
            writer.WriteString("capabilities", "Email, OfficeCommunicationsOnlineService");
            writer.WriteBoolean("isDefault", isDefault);
            writer.WriteBoolean("isInitial", isInitial);
            writer.WriteString("name", name);
            writer.WriteString("type", "Managed");
            writer.WriteEndObject();
        }
    }

    /// <summary>Any other path: Graph's 404 shape (logged, so tests see stray requests).</summary>
    public Task NotFoundAsync(HttpContext context) =>
        HandleAsync(context, Admission.None, exchange => exchange.ErrorAsync(GraphError.NotFound(context.Request.Path.Value ?? "")));

    /// <summary>The query a skip token belongs to: everything but the token itself, under <paramref name="scope"/>.</summary>
    private static string QueryKey(string scope, IQueryCollection query) =>
        scope + "|" + string.Join('&', query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase).Select(q => q.Key.ToLowerInvariant() + "=" + q.Value));

    /// <summary>
    /// Where a paged list resumes: 0 for a first page, the position a valid skip token carries, or null when the token
    /// was tampered with or has expired (the error has then been sent) — one rule for every paged endpoint.
    /// </summary>
    private async Task<int?> PageOffsetAsync(Exchange exchange, IQueryCollection query, string queryKey)
    {
        if (Single(query, "$skiptoken") is not { } token)
        {
            return 0;
        }

        if (!SkipToken.TryRead(token, queryKey, out var offset, out var issued))
        {
            await exchange.ErrorAsync(GraphError.InvalidSkipToken);
            return null;
        }

        if (Time.GetUtcNow() - issued > Scale(options.SkipTokenLifetime) || exchange.Fault == FaultKind.ExpiredSkipToken)
        {
            await exchange.ErrorAsync(GraphError.ExpiredSkipToken);
            return null;
        }

        return offset;
    }

    private static string? Single(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var value) ? value.ToString() : null;

    /// <summary>The throttle/app key of a bearer token: its appid (or azp) claim when it is JWT-shaped, else a hash of it.</summary>
    internal static string AppKey(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length == 3)
        {
            try
            {
                using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
                foreach (string claim in new[] { "appid", "azp" })
                {
                    if (claims.RootElement.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                // Not a JWT after all: fall through to the hash.
            }
        }

        return "hash:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 8);
    }
}
