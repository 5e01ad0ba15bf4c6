using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// The Log Analytics query API for one workspace: <c>POST {endpoint}v1/workspaces/{id}/query</c> with
/// <c>{"query": …}</c>, a bearer token for the API's own audience, and <c>Prefer: wait=</c> for the server timeout.
/// Within the API's limits: requests go through the connection's workspace limiter (200 queries per 30 s per user),
/// a 429 waits for <c>Retry-After</c> (or backs off) for at most <see cref="WorkspaceClientOptions.MaxThrottledWait"/>,
/// 5xx and dropped connections are retried a few times, and every other answer becomes an error with a stable id
/// and advice. A 504 (the query outran the server timeout) is <see cref="ErrorIds.WorkspaceTimeout"/>, which the
/// sign-in reader answers by splitting its time slice.
/// </summary>
public sealed partial class LogAnalyticsQueryClient : IWorkspaceQueries
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly string _scope;
    private readonly Uri _queryUri;
    private readonly RequestRateLimiter _limiter;
    private readonly IRetrievalClock _clock;
    private readonly WorkspaceClientOptions _options;

    internal LogAnalyticsQueryClient(HttpClient http, TokenCredential credential, string scope, Uri endpoint, Guid workspaceId, RequestRateLimiter limiter, IRetrievalClock clock, WorkspaceClientOptions options)
    {
        _http = http;
        _credential = credential;
        _scope = scope;
        _limiter = limiter;
        _clock = clock;
        _options = options;
        WorkspaceId = workspaceId;
        _queryUri = new Uri(endpoint, "v1/workspaces/" + workspaceId.ToString("D") + "/query");
    }

    public Guid WorkspaceId { get; }

    /// <summary>Queries answered (each retry of one counts once more in <see cref="Requests"/> only).</summary>
    public int Queries { get; private set; }

    public int Requests { get; private set; }

    public int Throttled { get; private set; }

    public int Retries { get; private set; }

    /// <summary>Bytes of answers received: what the workspace path costs on the wire (before any compression).</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Warnings the client raises (a throttle lasting over a minute); set by the reader that reports for it.</summary>
    public Func<string, Task>? Warning { get; set; }

    /// <summary>A client for one workspace through a connection's credential, cloud, HTTP client and workspace limiter.</summary>
    /// <exception cref="EntraStrongAuthException">An -AccessToken connection without a token for the Log Analytics API.</exception>
    public static LogAnalyticsQueryClient For(GraphConnection connection, Guid workspaceId, WorkspaceClientOptions? options = null)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        var credential = connection.WorkspaceCredential ?? throw new EntraStrongAuthException(
            ErrorIds.WorkspaceTokenUnavailable,
            FailureKind.AuthenticationError,
            (connection.Context.FromGraphSession ? "This connection uses the Microsoft Graph PowerShell session (Connect-MgGraph), which holds tokens for Microsoft Graph only" : "This connection was made with -AccessToken, a token for Microsoft Graph")
                + "; the Log Analytics query API needs a token for its own audience (" + connection.Environment.LogAnalyticsScope + ").",
            "Connect with Connect-EntraStrongAuth (any sign-in but -AccessToken asks for both), or with -AccessToken and -LogAnalyticsAccessToken (e.g. (Get-AzAccessToken -ResourceUrl https://api.loganalytics.io).Token).");
        return new LogAnalyticsQueryClient(connection.WorkspaceHttp, credential, connection.Environment.LogAnalyticsScope, connection.Environment.LogAnalyticsEndpoint, workspaceId, connection.WorkspaceLimiter, SystemRetrievalClock.Instance, options ?? new WorkspaceClientOptions());
    }

    public async Task<WorkspaceTable> QueryAsync(string kql, CancellationToken cancellationToken)
    {
        var response = await SendAsync(kql, cancellationToken).ConfigureAwait(false);
        return WorkspaceTableReader.Read(response);
    }

    /// <summary>Runs one query to its answer, waiting out throttling and retrying transient faults.</summary>
    internal async Task<WorkspaceResponse> SendAsync(string kql, CancellationToken cancellationToken)
    {
        var body = RequestBody(kql);
        DateTimeOffset? throttledSince = null;
        var warned = false;
        var transient = 0;
        while (true)
        {
            await _limiter.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
            Requests++;
            var outcome = await TrySendAsync(body, token, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is { } answered)
            {
                Queries++;
                return answered;
            }

            if (outcome.Throttled)
            {
                Throttled++;
                var now = _clock.UtcNow;
                throttledSince ??= now;
                var wait = outcome.RetryAfter ?? Backoff(Throttled);
                if (now + wait - throttledSince.Value > _options.MaxThrottledWait)
                {
                    throw new EntraStrongAuthException(
                        ErrorIds.WorkspaceThrottled,
                        FailureKind.ResourceUnavailable,
                        "The Log Analytics query API kept answering 429 (too many requests) for " + Minutes(now - throttledSince.Value) + (outcome.RetryAfter is null ? string.Empty : " and asked to wait " + Minutes(wait) + " more") + ".",
                        "Other queries of the same user count against the same limit (200 per 30 s, 5 at a time): wait a few minutes, or run fewer at once.");
                }

                if (!warned && now + wait - throttledSince.Value >= _options.ThrottledWaitWarning && Warning is { } warning)
                {
                    warned = true;
                    await warning("The Log Analytics query API has throttled this command for " + Minutes(now - throttledSince.Value) + "; still waiting (at most " + Minutes(_options.MaxThrottledWait) + ").").ConfigureAwait(false);
                }

                await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            transient++;
            Retries++;
            if (transient > _options.MaxTransientRetries)
            {
                throw new EntraStrongAuthException(
                    ErrorIds.WorkspaceUnavailable,
                    FailureKind.ResourceUnavailable,
                    "The Log Analytics query API failed " + transient.ToString(CultureInfo.InvariantCulture) + " times in a row; last: " + outcome.Fault + ".",
                    "Try again later; if it persists, check the service's health in the Azure portal.");
            }

            await _clock.Delay(outcome.RetryAfter ?? Backoff(transient), cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempt, 6) - 1)));

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min" : span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    private static byte[] RequestBody(string kql)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("query", kql);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext(new[] { _scope }), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (Exception e) when (e is Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
        {
            throw new EntraStrongAuthException(
                ErrorIds.WorkspaceTokenUnavailable,
                FailureKind.AuthenticationError,
                "No token for the Log Analytics query API (" + _scope + "): " + FirstLine(e.Message),
                "The identity needs consent for the Log Analytics API (Data.Read) and a role on the workspace (Log Analytics Reader or Microsoft Sentinel Reader).",
                e);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(LineBreaks);
        return end < 0 ? text : text.Substring(0, end);
    }
}
