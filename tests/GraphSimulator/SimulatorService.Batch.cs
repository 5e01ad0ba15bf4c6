using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// POST /{version}/$batch (JSON batching): up to 20 requests, each run through the same pipeline as a direct request
/// (token, per-app throttle, faults, log), answered as <c>{"responses":[{"id","status","headers","body"}]}</c>. Each
/// inner request costs a throttle token, so a batch is no way around the limit (json-batching, "Batch size
/// limitations": requests in a batch are evaluated individually against the throttling limits and one that exceeds
/// them fails with 429). Requests run in order; one whose dependsOn names a failed request gets 424.
/// </summary>
internal sealed partial class SimulatorService
{
    public const int MaxBatchRequests = 20;

    // The envelope is not throttled itself (its requests are); scripted faults can still target it.
    public Task BatchAsync(HttpContext context, string version) =>
        HandleAsync(context, Admission.TokenAndScriptedFault, exchange => RunBatchAsync(exchange, version));

    private async Task RunBatchAsync(Exchange exchange, string version)
    {
        var context = exchange.Context;
        List<InnerRequest> requests;
        try
        {
            requests = await ReadBatchAsync(context.Request);
        }
        catch (BatchException e)
        {
            await exchange.ErrorAsync(GraphError.BadQuery(e.Message));
            return;
        }

        await DirectoryDelayAsync(context);
        var responses = new List<InnerResponse>(requests.Count);
        foreach (var request in requests)
        {
            bool dependencyFailed = request.DependsOn.Any(d => responses.FirstOrDefault(r => r.Id == d) is not { Status: >= 200 and < 300 });
            responses.Add(dependencyFailed
                ? new InnerResponse(request.Id, 424, JsonHeaders, ErrorBody(new GraphError(424, "FailedDependency", "A request this request depends on failed.")))
                : await RunInnerAsync(context, version, request));
        }

        exchange.Records = responses.Count;
        await SendJsonAsync(exchange, writer => WriteResponses(writer, responses));
    }

    private static async Task<List<InnerRequest>> ReadBatchAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new BatchException("Invalid batch payload format.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("requests", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new BatchException("Invalid batch payload format.");
            }

            int count = list.GetArrayLength();
            if (count == 0 || count > MaxBatchRequests)
            {
                throw new BatchException($"The number of requests in a batch must be between 1 and {MaxBatchRequests}.");
            }

            var requests = new List<InnerRequest>(count);
            foreach (var item in list.EnumerateArray())
            {
                string? id = Text(item, "id"), method = Text(item, "method"), url = Text(item, "url");
                if (id is null || method is null || url is null)
                {
                    throw new BatchException("Each batch request needs id, method and url.");
                }

                if (requests.Any(r => r.Id == id))
                {
                    throw new BatchException($"Batch request ids must be unique; '{id}' appears twice.");
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (item.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
                {
                    foreach (var header in h.EnumerateObject())
                    {
                        headers[header.Name] = header.Value.ToString();
                    }
                }

                var dependsOn = item.TryGetProperty("dependsOn", out var d) && d.ValueKind == JsonValueKind.Array
                    ? d.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : Array.Empty<string>();
                requests.Add(new InnerRequest(id, method, url, headers, dependsOn));
            }

            return requests;
        }

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Runs one inner request through the normal handlers against an in-memory context that shares the outer token.</summary>
    private async Task<InnerResponse> RunInnerAsync(HttpContext outer, string version, InnerRequest request)
    {
        var inner = new DefaultHttpContext();
        inner.Items[InBatchItem] = true;
        inner.RequestAborted = outer.RequestAborted;
        // Inner URLs are relative to the version ("/users/…" or "users/…"); an absolute one is taken by its path.
        string url = Uri.TryCreate(request.Url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery : "/" + version + "/" + request.Url.TrimStart('/');
        int q = url.IndexOf('?', StringComparison.Ordinal);
        inner.Request.Method = request.Method.ToUpperInvariant();
        inner.Request.Path = q < 0 ? url : url[..q];
        inner.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(url[q..]);
        inner.Request.Headers.Authorization = outer.Request.Headers.Authorization;
        foreach (var (name, value) in request.Headers)
        {
            inner.Request.Headers[name] = value;
        }

        var body = new System.IO.MemoryStream();
        inner.Response.Body = body;
        if (inner.Request.Method != "GET")
        {
            // The simulator is read-only: the batch says so for this request only, as Graph reports per-request errors.
            // Graph's own 405 inside a batch (json-batching example response, request 4).
            return new InnerResponse(request.Id, 405, JsonHeaders,
                ErrorBody(new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.")));
        }

        await RouteAsync(inner);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "Content-Type", "Retry-After", "request-id", "client-request-id" })
        {
            if (inner.Response.Headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                headers[name] = value.ToString();
            }
        }

        int status = inner.Response.StatusCode;
        byte[] bytes = body.ToArray();
        // A connection fault has no meaning inside a batch; the inner request surfaces as a 503 for the client to retry.
        if (inner.Items.ContainsKey(AbortedItem))
        {
            return new InnerResponse(request.Id, 503, JsonHeaders, ErrorBody(GraphError.ServiceUnavailable));
        }

        return new InnerResponse(request.Id, status, headers, bytes);
    }

    internal const string AbortedItem = "sim.aborted";

    private static readonly Dictionary<string, string> JsonHeaders = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = JsonContentType };

    private byte[] ErrorBody(GraphError error)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            string id = Guid.NewGuid().ToString();
            error.Write(writer, Time.GetUtcNow(), id, id);
        }

        return stream.ToArray();
    }

    private static void WriteResponses(Utf8JsonWriter writer, List<InnerResponse> responses)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("responses");
        foreach (var response in responses)
        {
            writer.WriteStartObject();
            writer.WriteString("id", response.Id);
            writer.WriteNumber("status", response.Status);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in response.Headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WritePropertyName("body");
            try
            {
                using var parsed = JsonDocument.Parse(response.Body);
                parsed.RootElement.WriteTo(writer);
            }
            catch (JsonException)
            {
                // A truncated inner body cannot be embedded as JSON; Graph would send it base64, the simulator as text.
                writer.WriteStringValue(Encoding.UTF8.GetString(response.Body));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private sealed record InnerRequest(string Id, string Method, string Url, Dictionary<string, string> Headers, string[] DependsOn);

    private sealed record InnerResponse(string Id, int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    private sealed class BatchException(string message) : Exception(message);
}
