using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.GraphHttp;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Gets one page through the Graph SDK's HTTP pipeline, under the shared limiter. A 429 pauses every request for
/// its Retry-After and is retried here, for at most <see cref="RetrievalOptions.MaxThrottledWait"/> of unbroken
/// throttling (<see cref="ThrottleBudget"/>); other retryable failures go up as <see cref="TransientRetrievalException"/>
/// so the slice can resume safely; anything else becomes a user-facing error with guidance.
/// </summary>
internal sealed class GraphPageFetcher
{
    private const string PreferUnknownEnums = "include-unknown-enum-members";

    private readonly HttpClient _http;
    private readonly RequestRateLimiter _limiter;
    private readonly RetrievalOptions _options;
    private readonly RetrievalCounters _counters;
    private readonly RetrievalEvents _events;
    private readonly IRetrievalClock _clock;
    private readonly ThrottleBudget _throttling;

    public GraphPageFetcher(HttpClient http, RequestRateLimiter limiter, RetrievalOptions options, RetrievalCounters counters, RetrievalEvents events, IRetrievalClock clock)
    {
        _http = http;
        _limiter = limiter;
        _options = options;
        _counters = counters;
        _events = events;
        _clock = clock;
        _throttling = new ThrottleBudget(options);
    }

    /// <summary>The permission named in a 403's advice.</summary>
    public string RequiredPermission { get; init; } = "AuditLog.Read.All";

    /// <summary>The URL names one entity (a policy object), not a collection: the body need not hold a value array.</summary>
    public bool IsEntity { get; init; }

    /// <summary>
    /// One page; <c>Elapsed</c> is the time of the request that succeeded, from its start to its body read (without
    /// limiter waits and earlier 429s), which is what the retriever uses to judge how many slices keep the limiter busy.
    /// </summary>
    public async Task<(PageBuffer Page, string? NextLink, TimeSpan Elapsed)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        while (true)
        {
            var waited = await _limiter.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            if (waited > TimeSpan.Zero)
            {
                await _events.VerboseAsync("Waited " + Seconds(waited) + " for the request limit (" + _limiter.MaxRequests + " per " + Seconds(_limiter.Window) + ").").ConfigureAwait(false);
            }

            _counters.AddRequest();
            await _events.VerboseAsync("GET " + url.AbsoluteUri).ConfigureAwait(false);
            var started = _clock.UtcNow;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Prefer", PreferUnknownEnums);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsDroppedConnection(ex, cancellationToken))
            {
                throw new TransientRetrievalException("the connection failed (" + ex.GetBaseException().Message + ")", inner: ex);
            }

            using (response)
            {
                if ((int)response.StatusCode == 429)
                {
                    var retryAfter = RetryAfterHeader.From(response) ?? _options.DefaultRetryAfter;
                    _counters.AddThrottled();
                    var now = _clock.UtcNow;
                    var warning = _throttling.Throttled(now, retryAfter, _counters.Throttled);
                    _limiter.PauseUntil(now + retryAfter);
                    await _events.VerboseAsync("Throttled by Graph (429); every request waits " + Seconds(retryAfter) + " (Retry-After).").ConfigureAwait(false);
                    if (warning is not null)
                    {
                        await _events.WarningAsync(warning).ConfigureAwait(false);
                    }

                    continue;
                }

                _throttling.Reset();

                var page = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    if (PageScanner.TryScan(page.Memory.Span, out var nextLink, requireValue: !IsEntity))
                    {
                        return (page, nextLink, _clock.UtcNow - started);
                    }

                    page.Dispose();
                    throw new TransientRetrievalException("the page body was incomplete (" + page.Length + " bytes)");
                }

                using (page)
                {
                    throw Failure(response, page, url);
                }
            }
        }
    }

    private Exception Failure(HttpResponseMessage response, PageBuffer page, Uri url)
    {
        var status = (int)response.StatusCode;
        var error = GraphErrorBody.Parse(page.Memory);
        if (status >= 500 || status == 408)
        {
            var retryAfter = RetryAfterHeader.From(response);
            if (retryAfter is { } pause)
            {
                _limiter.PauseUntil(_clock.UtcNow + pause);
            }

            return new TransientRetrievalException("Graph answered " + status + " (" + (error.Code ?? response.ReasonPhrase) + ")", retryAfter);
        }

        // A skip token is single-use and expires; the slice starts a fresh query from where it had got to.
        if (status == 400 && url.Query.IndexOf("skiptoken", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new TransientRetrievalException("Graph no longer accepts the skip token (" + (error.Code ?? "400") + ")") { ResumeImmediately = true };
        }

        return GraphErrorTranslator.Translate(status, error.Code, error.Message, RequiredPermission);
    }

    private static async Task<PageBuffer> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return await PageBuffer.ReadAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDroppedConnection(ex, cancellationToken))
        {
            throw new TransientRetrievalException("the connection dropped while reading the page (" + ex.GetBaseException().Message + ")", inner: ex);
        }
    }

    // A cancelled request is the user's Ctrl+C, not a network fault: let it through.
    internal static bool IsDroppedConnection(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or TaskCanceledException or WebException;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
