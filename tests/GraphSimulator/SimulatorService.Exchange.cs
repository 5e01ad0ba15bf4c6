using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EntraStrongAuth.GraphSimulator;

internal sealed partial class SimulatorService
{
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

        /// <summary>Log Analytics: the query text, body bytes sent and whether the rows were cut (logged).</summary>
        public string? Kql { get; set; }

        public long Bytes { get; set; }

        public bool Partial { get; set; }

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

            if (Endpoint == SimEndpoint.LogAnalyticsQuery)
            {
                // The query API is not Graph: its errors have the OneAPI shape, and its 429 may come without Retry-After.
                if (error.Status == 429 && service.options.LogAnalytics.OmitRetryAfter)
                {
                    Context.Response.Headers.Remove("Retry-After");
                    this.retryAfter = null;
                }

                await SendAsync(error.Status, LogAnalytics.LogAnalyticsError.FromGraph(error).ToBytes());
                return;
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
            Bytes = body.Length;
            Prepare(statusCode);
            Context.Response.ContentLength = body.Length;
            await Context.Response.Body.WriteAsync(body, Context.RequestAborted);
        }

        /// <summary>A 200 answer with this body, spoiled the way the exchange's scripted or random body fault says.</summary>
        public Task SendOkAsync(byte[] body) => Fault switch
        {
            FaultKind.TruncatedBody => SendTruncatedAsync(body),
            FaultKind.DropMidBody => SendAndDropAsync(body),
            _ => SendAsync(200, body),
        };

        /// <summary>A complete 200 response whose JSON stops half-way (chunked, cleanly terminated).</summary>
        public async Task SendTruncatedAsync(byte[] body)
        {
            Bytes = body.Length / 2;
            Prepare(200);
            await Context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), Context.RequestAborted);
        }

        /// <summary>Announces the full length, sends a third, then resets the connection.</summary>
        public async Task SendAndDropAsync(byte[] body)
        {
            Bytes = body.Length / 3;
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
                Records, retryAfter, duration) { InBatch = Request.InBatch, Kql = Kql, Bytes = Bytes, Partial = Partial });
        }
    }
}
