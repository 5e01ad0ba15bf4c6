using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Workspace;

public sealed partial class LogAnalyticsQueryClient
{
    /// <summary>One request's end: an answer, a throttle to wait out, or a transient fault to retry (anything else throws).</summary>
    private readonly struct SendOutcome
    {
        private SendOutcome(WorkspaceResponse? response, bool throttled, TimeSpan? retryAfter, string? fault)
        {
            Response = response;
            Throttled = throttled;
            RetryAfter = retryAfter;
            Fault = fault;
        }

        public WorkspaceResponse? Response { get; }

        public bool Throttled { get; }

        public TimeSpan? RetryAfter { get; }

        public string? Fault { get; }

        public static SendOutcome Answer(WorkspaceResponse response) => new(response, false, null, null);

        public static SendOutcome Throttle(TimeSpan? retryAfter) => new(null, true, retryAfter, null);

        public static SendOutcome Transient(string fault, TimeSpan? retryAfter = null) => new(null, false, retryAfter, fault);
    }

    private async Task<SendOutcome> TrySendAsync(byte[] body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryUri) { Content = new ByteArrayContent(body) };

        // Without this content type the API answers 200 with an empty body.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("Prefer", "wait=" + ((int)_options.ServerTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));

        // The server gives up at its wait; the client a little later, so a hung connection is still cut off and retried.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ServerTimeout + TimeSpan.FromSeconds(60));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                return SendOutcome.Throttle(RetryAfterHeader.From(response));
            }

            if (status is 500 or 502 or 503 or 408)
            {
                return SendOutcome.Transient("HTTP " + status.ToString(CultureInfo.InvariantCulture), RetryAfterHeader.From(response));
            }

            var content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            BytesReceived += content.Length;
            if (status == 204)
            {
                return SendOutcome.Answer(new WorkspaceResponse(Array.Empty<byte>(), null));
            }

            if (status == 200)
            {
                return content.Length == 0
                    ? throw Failed("The Log Analytics query API answered 200 with an empty body (it does so when a POST lacks a JSON body or Content-Type).", null)
                    : SendOutcome.Answer(new WorkspaceResponse(content, PartialErrorOf(content)));
            }

            throw WorkspaceErrorTranslator.Translate(status, WorkspaceErrorBody.Parse(content), WorkspaceId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Transient("no answer within " + Minutes(_options.ServerTimeout + TimeSpan.FromSeconds(60)));
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Transient(e.Message);
        }
        catch (IOException e)
        {
            return SendOutcome.Transient("the connection dropped while reading the answer (" + e.Message + ")");
        }
    }

    private static EntraStrongAuthException Failed(string message, Exception? inner) =>
        new(ErrorIds.WorkspaceQueryFailed, FailureKind.ResourceUnavailable, message, "Try again; if it persists, run the query in the workspace's Logs blade to see the service's own message.", inner);

    /// <summary>The top-level <c>error</c> of a 200 answer, found without materialising the tables (the body can be tens of MB).</summary>
    private static WorkspaceErrorBody? PartialErrorOf(byte[] content)
    {
        var reader = new Utf8JsonReader(content);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError && reader.TokenType == JsonTokenType.StartObject)
            {
                var from = (int)reader.TokenStartIndex;
                reader.Skip();
                using var document = JsonDocument.Parse(content.AsMemory(from, (int)reader.BytesConsumed - from));
                return WorkspaceErrorBody.FromElement(document.RootElement);
            }

            reader.Skip();
        }

        return null;
    }
}
