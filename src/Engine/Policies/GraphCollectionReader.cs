using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads a whole (small) Graph collection through <see cref="GraphPageFetcher"/>, so it shares the connection's
/// limiter, the Prefer header, 429/Retry-After handling and error translation with every other read. Pages are
/// followed by <c>@odata.nextLink</c>; a page that fails transiently is asked for again with backoff, and a rejected
/// skip token restarts the collection. Items are handed over only when the whole collection is read, so nothing is
/// delivered twice.
/// </summary>
internal sealed class GraphCollectionReader
{
    private readonly HttpClient _http;
    private readonly RequestRateLimiter _limiter;
    private readonly RetrievalOptions _options;
    private readonly IRetrievalClock _clock;

    public GraphCollectionReader(HttpClient http, RequestRateLimiter limiter, RetrievalOptions options, IRetrievalClock clock)
    {
        _http = http;
        _limiter = limiter;
        _options = options;
        _clock = clock;
    }

    public int Requests { get; private set; }

    /// <summary>Every item of the collection at <paramref name="url"/>, each a detached copy.</summary>
    /// <param name="url">The first page.</param>
    /// <param name="requiredPermission">Named in the advice of a 403.</param>
    /// <param name="what">What is read, for messages (<c>Conditional Access policies</c>).</param>
    /// <param name="events">Verbose lines and warnings.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task<IReadOnlyList<JsonElement>> ReadAllAsync(Uri url, string requiredPermission, string what, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var counters = new RetrievalCounters();
        var fetcher = new GraphPageFetcher(_http, _limiter, _options, counters, events, _clock) { RequiredPermission = requiredPermission };
        var items = new List<JsonElement>();
        var next = url;
        var failures = 0;
        try
        {
            while (true)
            {
                PageBuffer page;
                string? nextLink;
                try
                {
                    (page, nextLink, _) = await fetcher.GetAsync(next, cancellationToken).ConfigureAwait(false);
                }
                catch (TransientRetrievalException ex)
                {
                    failures++;
                    if (failures >= _options.MaxAttempts)
                    {
                        throw new EntraStrongAuthException(
                            "GraphUnavailable",
                            FailureKind.ResourceUnavailable,
                            "Microsoft Graph kept failing while reading the " + what + ": " + ex.Message + " (" + failures.ToString(CultureInfo.InvariantCulture) + " attempts).",
                            "Try again later.",
                            ex);
                    }

                    if (ex.ResumeImmediately)
                    {
                        // A skip token cannot be reused: read the collection again from its first page.
                        items.Clear();
                        next = url;
                    }

                    var delay = ex.ResumeImmediately ? TimeSpan.Zero : ex.RetryAfter ?? _options.Backoff(failures);
                    await events.VerboseAsync("Retrying the " + what + " in " + delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s: " + ex.Message + ".").ConfigureAwait(false);
                    if (delay > TimeSpan.Zero)
                    {
                        await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                using (page)
                {
                    using var document = JsonDocument.Parse(page.Memory);
                    foreach (var item in document.RootElement.GetProperty("value").EnumerateArray())
                    {
                        items.Add(item.Clone());
                    }
                }

                failures = 0;
                if (nextLink is null)
                {
                    return items;
                }

                next = new Uri(nextLink);
            }
        }
        finally
        {
            Requests += counters.Requests;
        }
    }
}
