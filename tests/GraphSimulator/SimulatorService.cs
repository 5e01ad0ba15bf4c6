using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator.Filter;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>The simulator's behaviour, independent of hosting: auth, throttle, faults, the signIns query, rendering.</summary>
internal sealed partial class SimulatorService
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private const string UnknownEnumPreference = "include-unknown-enum-members";
    private static readonly string[] SupportedQueryOptions = { "$filter", "$top", "$select", "$orderby", "$skiptoken" };

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
    }

    public SimTenant Tenant { get; }

    public TimeProvider Time { get; }

    public RequestLog Requests { get; } = new();

    public FaultScript Faults { get; } = new();

    /// <summary>Set once the server listens: the base every link points at (…/ with a trailing slash).</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public TimeSpan Scale(TimeSpan graphTime) => TimeSpan.FromTicks((long)(graphTime.Ticks * options.TimeScale));

    /// <summary>
    /// What every Graph endpoint does before its own work: the bearer token, the app's throttle bucket, then scripted
    /// or random faults. False when one of them has already answered the request.
    /// </summary>
    private async Task<bool> AdmitAsync(Exchange exchange)
    {
        if (!await AuthorizeAsync(exchange))
        {
            return false;
        }

        // One bucket per app for every endpoint: the simulator models a single limit, not Graph's per-service ones.
        if (throttle.TryAcquire(exchange.AppKey!) is { } wait)
        {
            await exchange.ErrorAsync(GraphError.Throttled, retryAfter: wait);
            return false;
        }

        var fault = Faults.Take(exchange.Request) is { } rule ? (rule.Kind, rule.RetryAfter) : randomFaults.Draw(exchange.Request) is { } kind ? (kind, null) : ((FaultKind Kind, TimeSpan? RetryAfter)?)null;
        exchange.Fault = fault?.Kind;
        return fault is not { } f || !await ErrorFaultAsync(exchange, f.Kind, f.RetryAfter);
    }

    /// <summary>GET /{beta|v1.0}/auditLogs/signIns.</summary>
    public async Task SignInsAsync(HttpContext context, string version)
    {
        var exchange = new Exchange(this, context);
        try
        {
            if (!await AdmitAsync(exchange))
            {
                return;
            }

            await ListAsync(exchange, version);
        }
        finally
        {
            exchange.Log();
        }
    }

    /// <summary>GET /{v1.0|beta}/organization: what a connect check reads.</summary>
    public async Task OrganizationAsync(HttpContext context, string version)
    {
        var exchange = new Exchange(this, context);
        try
        {
            if (!await AuthorizeAsync(exchange))
            {
                return;
            }

            if (Faults.Take(exchange.Request) is { } rule)
            {
                exchange.Fault = rule.Kind;
                if (await ErrorFaultAsync(exchange, rule.Kind, rule.RetryAfter))
                {
                    return;
                }
            }

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
        }
        finally
        {
            exchange.Log();
        }

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
    public async Task NotFoundAsync(HttpContext context)
    {
        var exchange = new Exchange(this, context);
        try
        {
            await exchange.ErrorAsync(GraphError.NotFound(context.Request.Path.Value ?? ""));
        }
        finally
        {
            exchange.Log();
        }
    }

    private async Task<bool> AuthorizeAsync(Exchange exchange)
    {
        if (exchange.Token is null)
        {
            await exchange.ErrorAsync(GraphError.MissingToken);
            return false;
        }

        if (acceptedTokens is not null && !acceptedTokens.Contains(exchange.Token))
        {
            await exchange.ErrorAsync(GraphError.InvalidToken);
            return false;
        }

        return true;
    }

    /// <summary>Sends the fault's response; false when the fault only changes the page (or does not apply).</summary>
    private async Task<bool> ErrorFaultAsync(Exchange exchange, FaultKind kind, TimeSpan? retryAfter)
    {
        var wait = Scale(retryAfter ?? TimeSpan.FromSeconds(2));
        switch (kind)
        {
            case FaultKind.ServiceUnavailable:
                await exchange.ErrorAsync(GraphError.ServiceUnavailable, wait);
                return true;
            case FaultKind.ServiceUnavailableNoRetryAfter:
                await exchange.ErrorAsync(GraphError.ServiceUnavailable);
                return true;
            case FaultKind.InternalServerError:
                await exchange.ErrorAsync(GraphError.InternalServerError);
                return true;
            case FaultKind.GatewayTimeout:
                await exchange.ErrorAsync(GraphError.GatewayTimeout);
                return true;
            case FaultKind.Throttled:
                await exchange.ErrorAsync(GraphError.Throttled, wait);
                return true;
            case FaultKind.DropConnection:
                exchange.Abort();
                return true;
            case FaultKind.ExpiredSkipToken when exchange.Request.HasSkipToken:
                await exchange.ErrorAsync(GraphError.ExpiredSkipToken);
                return true;
            case FaultKind.Unauthorized:
                await exchange.ErrorAsync(GraphError.InvalidToken);
                return true;
            case FaultKind.NonPremiumTenant:
                await exchange.ErrorAsync(GraphError.NonPremiumTenant);
                return true;
            case FaultKind.UnsupportedUserRole:
                await exchange.ErrorAsync(GraphError.UnsupportedUserRole);
                return true;
            case FaultKind.MissingScope:
                await exchange.ErrorAsync(GraphError.MissingScope);
                return true;
            default:
                return false;
        }
    }

    private async Task ListAsync(Exchange exchange, string version)
    {
        var query = exchange.Context.Request.Query;
        foreach (var key in query.Keys)
        {
            if (key.StartsWith('$') && !SupportedQueryOptions.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported on auditLogs/signIns."));
                return;
            }
        }

        bool v1 = version == "v1.0";
        int top = 1000;
        if (Single(query, "$top") is { } topText
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > 1000))
        {
            await exchange.ErrorAsync(GraphError.TopTooLarge(topText));
            return;
        }

        if (Single(query, "$orderby") is { } orderBy
            && !string.Equals(string.Join(' ', orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "createdDateTime desc", StringComparison.OrdinalIgnoreCase))
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"$orderby '{orderBy}' is not supported; the simulator serves createdDateTime desc only."));
            return;
        }

        HashSet<string>? select = null;
        if (Single(query, "$select") is { } selectText)
        {
            select = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in selectText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Graph matches $select names case-insensitively and answers in the resource's own spelling.
                string? known = Tenant.PropertyNames.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (known is null || (v1 && !RenderPlan.V1Properties.Contains(known)))
                {
                    await exchange.ErrorAsync(GraphError.UnknownProperty(name));
                    return;
                }

                select.Add(known);
            }
        }

        SignInFilter filter;
        try
        {
            filter = SignInFilter.Parse(exchange.Request.Filter);
            if (v1 && filter.MentionsEventTypes)
            {
                throw new FilterException("signInEventTypes is a beta property.");
            }
        }
        catch (FilterException)
        {
            await exchange.ErrorAsync(GraphError.InvalidFilter);
            return;
        }

        string queryKey = QueryKey(version, query);
        if (await PageOffsetAsync(exchange, query, queryKey) is not { } offset)
        {
            return;
        }

        // Without a signInEventTypes filter, beta (like v1.0) returns interactive user sign-ins only (beta signin-list:
        // non-interactive, service principal and managed identity sign-ins need signInEventTypes in $filter).
        var predicate = filter.Predicate;
        bool interactiveOnly = v1 || !filter.MentionsEventTypes;
        var page = new List<SimSignIn>(Math.Min(top, 1024));
        int seen = 0;
        bool more = false;
        foreach (var signIn in Tenant.SignIns)
        {
            if ((interactiveOnly && !signIn.IsInteractiveUser) || !predicate(signIn))
            {
                continue;
            }

            if (seen++ < offset)
            {
                continue;
            }

            if (page.Count == top)
            {
                more = true;
                break;
            }

            page.Add(signIn);
        }

        var latency = Scale(options.PageLatency + (options.LatencyPerRecord * page.Count));
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, Time, exchange.Context.RequestAborted);
        }

        bool includeUnknown = exchange.Prefers(UnknownEnumPreference);
        var plan = new RenderPlan
        {
            Select = select,
            V1 = v1,
            ConditionalAccess = exchange.Fault == FaultKind.HideConditionalAccess ? ConditionalAccessVisibility.Null : options.ConditionalAccess,
            ReplaceEnums = includeUnknown ? null : options.EvolvableEnums,
            EnumNeedles = enumNeedles,
        };
        string? nextLink = null;
        if (more)
        {
            var next = new List<string>();
            foreach (var (key, value) in query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase)))
            {
                // Graph writes the option names literally ($top=…, $filter=…) and escapes the values.
                next.Add(key + "=" + Uri.EscapeDataString(value.ToString()));
            }

            next.Add("$skiptoken=" + SkipToken.Create(offset + page.Count, Time.GetUtcNow(), queryKey));
            nextLink = new Uri(BaseUri, version + "/auditLogs/signIns").ToString() + "?" + string.Join('&', next);
        }

        string context = new Uri(BaseUri, version + "/$metadata#auditLogs/signIns").ToString()
            + (select is null ? "" : "(" + string.Join(',', select) + ")");
        byte[] body = PageWriter.Write(context, page, plan, nextLink, options.NextLinkBeforeValue);
        exchange.Records = page.Count;
        if (includeUnknown && options.EchoPreferenceApplied)
        {
            exchange.Context.Response.Headers["Preference-Applied"] = UnknownEnumPreference;
        }

        switch (exchange.Fault)
        {
            case FaultKind.TruncatedBody:
                await exchange.SendTruncatedAsync(body);
                break;
            case FaultKind.DropMidBody:
                await exchange.SendAndDropAsync(body);
                break;
            default:
                await exchange.SendAsync(200, body);
                break;
        }
    }

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

    /// <summary>One request/response: what the log records and how errors are written.</summary>
    private sealed class Exchange
    {
        private readonly SimulatorService service;
        private readonly DateTimeOffset arrived;
        private readonly long started;
        private readonly string requestId = Guid.NewGuid().ToString();
        private int status;
        private string? retryAfter;

        public Exchange(SimulatorService service, HttpContext context)
        {
            this.service = service;
            Context = context;
            arrived = service.Time.GetUtcNow();
            started = service.Time.GetTimestamp();
            var request = context.Request;
            string authorization = request.Headers.Authorization.ToString();
            HasAuthorization = authorization.Length > 0;
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7)
            {
                Token = authorization[7..].Trim();
                AppKey = SimulatorService.AppKey(Token);
            }

            ClientRequestId = request.Headers["client-request-id"] is { Count: > 0 } id ? id.ToString() : requestId;
            Request = new SimRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
                request.Query.TryGetValue("$filter", out var filter) ? filter.ToString() : null,
                request.Query.ContainsKey("$skiptoken"), AppKey)
            {
                InBatch = context.Items.ContainsKey(InBatchItem),
            };
            Endpoint = SimEndpoints.Classify(Request.Path, out string? key);
            Key = key;
        }

        /// <summary>Which API the request is for.</summary>
        public SimEndpoint Endpoint { get; }

        /// <summary>The user or group id (or UPN) in the path of per-object endpoints.</summary>
        public string? Key { get; }

        public HttpContext Context { get; }

        public SimRequest Request { get; }

        public string? Token { get; }

        public string? AppKey { get; }

        public bool HasAuthorization { get; }

        public string ClientRequestId { get; }

        public FaultKind? Fault { get; set; }

        public int Records { get; set; }

        public bool Prefers(string preference) =>
            Context.Request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(','))
                .Any(p => p.Trim().Equals(preference, StringComparison.OrdinalIgnoreCase));

        public async Task ErrorAsync(GraphError error, TimeSpan? retryAfter = null)
        {
            if (retryAfter is { } wait)
            {
                this.retryAfter = service.options.RetryAfterFormat == RetryAfterFormat.Fractional
                    ? Math.Max(0.001, wait.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture)
                    : Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                Context.Response.Headers.RetryAfter = this.retryAfter;
            }

            using var body = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(body))
            {
                error.Write(writer, arrived, requestId, ClientRequestId);
            }

            await SendAsync(error.Status, body.ToArray());
        }

        public async Task SendAsync(int statusCode, byte[] body)
        {
            Prepare(statusCode);
            Context.Response.ContentLength = body.Length;
            await Context.Response.Body.WriteAsync(body, Context.RequestAborted);
        }

        /// <summary>A complete 200 response whose JSON stops half-way (chunked, cleanly terminated).</summary>
        public async Task SendTruncatedAsync(byte[] body)
        {
            Prepare(200);
            await Context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), Context.RequestAborted);
        }

        /// <summary>Announces the full length, sends a third, then resets the connection.</summary>
        public async Task SendAndDropAsync(byte[] body)
        {
            Prepare(200);
            Context.Response.ContentLength = body.Length;
            await Context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 3), Context.RequestAborted);
            await Context.Response.Body.FlushAsync(Context.RequestAborted);
            Context.Abort();
        }

        public void Abort()
        {
            Context.Items[AbortedItem] = true;
            status = 0;
            Log();
            Context.Abort();
        }

        private void Prepare(int statusCode)
        {
            status = statusCode;
            // Logged before the first body byte leaves, so a client that has its response also finds it in the log.
            Log();
            var response = Context.Response;
            response.StatusCode = statusCode;
            response.ContentType = JsonContentType;
            response.Headers["request-id"] = requestId;
            response.Headers["client-request-id"] = ClientRequestId;
        }

        private bool logged;

        public void Log()
        {
            if (logged)
            {
                return;
            }

            logged = true;
            var request = Context.Request;
            var duration = service.Time.GetElapsedTime(started);
            service.Requests.Add(new LoggedRequest(arrived, request.Method, (request.Path + request.QueryString).ToString(), Request.Filter,
                request.Query.TryGetValue("$top", out StringValues top) ? top.ToString() : null, Request.HasSkipToken,
                request.Headers["Prefer"] is { Count: > 0 } prefer ? prefer.ToString() : null, HasAuthorization, AppKey, status, Fault,
                Records, retryAfter, duration) { InBatch = Request.InBatch });
        }
    }
}
