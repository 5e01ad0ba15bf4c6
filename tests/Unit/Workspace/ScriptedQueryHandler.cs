using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Workspace;
using EntraStrongAuth.Tests.Retrieval;

namespace EntraStrongAuth.Tests.Workspace;

/// <summary>Answers query API requests from a script of responses, and records what was sent (body, headers).</summary>
internal sealed class ScriptedQueryHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<(string Kql, string? ContentType, string? Prefer, string? Authorization, Uri Uri)> Sent { get; } = new();

    public ScriptedQueryHandler Then(HttpStatusCode status, string? body = null, TimeSpan? retryAfter = null)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json") };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }

            return response;
        });
        return this;
    }

    public ScriptedQueryHandler ThenThrow(Exception e)
    {
        _answers.Enqueue(() => throw e);
        return this;
    }

    /// <summary>A client over this handler with a manual clock, so waits are recorded instead of slept.</summary>
    public LogAnalyticsQueryClient Client(ManualClock clock, WorkspaceClientOptions? options = null, string token = "scripted-token") =>
        new(new HttpClient(this), new FixedToken(token), "https://api.loganalytics.io/.default", new Uri("https://la.example/"), Guid.Parse("11111111-2222-3333-4444-555555555555"), new RequestRateLimiter(200, TimeSpan.FromSeconds(30), clock), clock, options ?? new WorkspaceClientOptions());

    /// <summary>A result body: one table with these columns and rows.</summary>
    public static string Result(string[] columns, object?[][] rows, string? error = null) =>
        "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[" + string.Join(",", columns.Select(c => "{\"name\":\"" + c + "\",\"type\":\"string\"}")) + "],\"rows\":"
        + JsonSerializer.Serialize(rows) + "}]" + (error is null ? string.Empty : ",\"error\":" + error) + "}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(body);
        Sent.Add((json.RootElement.GetProperty("query").GetString()!, request.Content?.Headers.ContentType?.MediaType, request.Headers.TryGetValues("Prefer", out var prefer) ? string.Join(",", prefer) : null, request.Headers.Authorization?.ToString(), request.RequestUri!));
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException("The script has no answer left for: " + json.RootElement.GetProperty("query").GetString());
        }

        return _answers.Dequeue()();
    }

    private sealed class FixedToken : TokenCredential
    {
        private readonly string _token;

        public FixedToken(string token) => _token = token;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
