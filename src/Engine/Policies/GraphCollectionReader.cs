using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads a Graph collection through <see cref="GraphPageFetcher"/>, so it shares the connection's limiter, the Prefer
/// header, 429/Retry-After handling and error translation with every other read. Pages are followed by
/// <c>@odata.nextLink</c> and handed over one by one as they arrive; a page that fails transiently is asked for again
/// with backoff.
/// </summary>
/// <remarks>
/// A rejected skip token (expired or single-use) cannot be resumed: the collection is read again from its first page
/// and the items already handed over are skipped by count. That relies on Graph returning the collection in the same
/// order each time, which holds for the unsorted directory and report collections read here while they do not change;
/// a change during the read can shift rows by the number added or removed before the restart point, which is no worse
/// than the read having started a moment later.
/// </remarks>
internal sealed class GraphCollectionReader
{
    private readonly GraphReadContext _context;

    public GraphCollectionReader(GraphReadContext context)
    {
        _context = context;
    }

    public int Requests { get; private set; }

    /// <summary>Every item of the collection at <paramref name="url"/>, each a detached copy, once the whole collection is read.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadAllAsync(Uri url, string requiredPermission, string what, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        await ReadPagesAsync(url, requiredPermission, what, events, page =>
        {
            items.AddRange(page);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return items;
    }

    /// <summary>
    /// Hands each page's items (detached copies) to <paramref name="onPage"/> as soon as the page is read; no item is
    /// handed over twice, also across a restart (see remarks).
    /// </summary>
    /// <param name="url">The first page.</param>
    /// <param name="requiredPermission">Named in the advice of a 403.</param>
    /// <param name="what">What is read, for messages (<c>Conditional Access policies</c>).</param>
    /// <param name="events">Verbose lines and warnings.</param>
    /// <param name="onPage">Takes one page; awaited before the next page is asked for.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public Task ReadPagesAsync(Uri url, string requiredPermission, string what, RetrievalEvents events, Func<IReadOnlyList<JsonElement>, Task> onPage, CancellationToken cancellationToken) =>
        ReadAsync(url, requiredPermission, what, events, onPage, isEntity: false, cancellationToken);

    /// <summary>One entity (not a collection), a detached copy, with the same retries as a page.</summary>
    public async Task<JsonElement> ReadEntityAsync(Uri url, string requiredPermission, string what, RetrievalEvents events, CancellationToken cancellationToken)
    {
        JsonElement entity = default;
        await ReadAsync(url, requiredPermission, what, events, items =>
        {
            entity = items[0];
            return Task.CompletedTask;
        }, isEntity: true, cancellationToken).ConfigureAwait(false);
        return entity;
    }

    private async Task ReadAsync(Uri url, string requiredPermission, string what, RetrievalEvents events, Func<IReadOnlyList<JsonElement>, Task> onPage, bool isEntity, CancellationToken cancellationToken)
    {
        var options = _context.Options;
        var counters = new RetrievalCounters();
        var fetcher = new GraphPageFetcher(_context.Http, _context.Limiter, options, counters, events, _context.Clock) { RequiredPermission = requiredPermission, IsEntity = isEntity };
        var next = url;
        var failures = 0;
        long delivered = 0;
        long toSkip = 0;
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
                    if (failures >= options.MaxAttempts)
                    {
                        throw new EntraStrongAuthException(
                            ErrorIds.GraphUnavailable,
                            FailureKind.ResourceUnavailable,
                            "Microsoft Graph kept failing while reading the " + what + ": " + ex.Message + " (" + failures.ToString(CultureInfo.InvariantCulture) + " attempts).",
                            "Try again later.",
                            ex);
                    }

                    if (ex.ResumeImmediately)
                    {
                        // A skip token cannot be reused: read again from the first page, skipping what was handed over.
                        next = url;
                        toSkip = delivered;
                    }

                    var delay = ex.ResumeImmediately ? TimeSpan.Zero : ex.RetryAfter ?? options.Backoff(failures);
                    await events.VerboseAsync("Retrying the " + what + " in " + delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s: " + ex.Message + ".").ConfigureAwait(false);
                    if (delay > TimeSpan.Zero)
                    {
                        await _context.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var items = new List<JsonElement>();
                using (page)
                {
                    using var document = JsonDocument.Parse(page.Memory);
                    var elements = isEntity ? new[] { document.RootElement } : document.RootElement.GetProperty("value").EnumerateArray().ToArray();
                    foreach (var item in elements)
                    {
                        if (toSkip > 0)
                        {
                            toSkip--;
                            continue;
                        }

                        items.Add(item.Clone());
                    }
                }

                failures = 0;
                if (items.Count > 0)
                {
                    delivered += items.Count;
                    await onPage(items).ConfigureAwait(false);
                }

                if (nextLink is null)
                {
                    return;
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
