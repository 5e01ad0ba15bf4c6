using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// One <see cref="SignInRetriever.RunAsync(SignInQuery, Func{SignInEvent, Task}, Func{SignInReadProblem, Task}, RetrievalEvents, CancellationToken)"/>:
/// a few workers read slices page by page (<see cref="SliceQueue"/> says which), retry a slice's failed page with
/// backoff, hand each page over (<see cref="PageDelivery"/>) and report progress. One slice failing for good stops
/// the others and fails the run.
/// </summary>
internal sealed class RetrievalRun : IDisposable
{
    private readonly GraphReadContext _graph;
    private readonly Uri _signInsEndpoint;
    private readonly SignInQuery _query;
    private readonly RetrievalEvents _events;
    private readonly CancellationToken _userToken;
    private readonly CancellationTokenSource _stop;
    private readonly RetrievalCounters _counters = new();
    private readonly GraphPageFetcher _fetcher;
    private readonly SliceQueue _slices;
    private readonly PageDelivery _delivery;
    private readonly int _workers;

    public RetrievalRun(GraphReadContext graph, Uri signInsEndpoint, SignInQuery query, Func<SignInEvent, Task> onRecord, Func<SignInReadProblem, Task> onProblem, RetrievalEvents events, IRetrievalPageSink? pageSink, CancellationToken cancellationToken)
    {
        _graph = graph;
        _signInsEndpoint = signInsEndpoint;
        _query = query;
        _events = events;
        _userToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _fetcher = new GraphPageFetcher(graph.Http, graph.Limiter, graph.Options, _counters, events, graph.Clock);
        _workers = Math.Max(1, graph.Options.MaxConcurrency);
        _slices = new SliceQueue(_workers, graph.Limiter, graph.Options.MinimumSliceSpan);
        _delivery = new PageDelivery(query, onRecord, onProblem, events, pageSink, _counters);
    }

    public async Task<RetrievalProgress> ExecuteAsync(RetrievalCheckpoint? resume)
    {
        var cursors = resume is null ? InitialSlices() : resume.Slices.Select(SliceCursor.FromState);
        if (resume is not null)
        {
            _counters.AddRecords(checked((int)Math.Min(int.MaxValue, resume.Records)));
        }

        foreach (var cursor in cursors)
        {
            _slices.Add(cursor);
        }

        await _events.VerboseAsync("Reading " + _slices.Count + " slice(s) of " + Describe(_query.End - _query.Start) + " with up to " + _workers + " at a time.").ConfigureAwait(false);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => WorkAsync())).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_userToken.IsCancellationRequested && _delivery.LimitReached)
        {
            // -First was reached: the other slices were stopped on purpose.
        }

        var progress = Snapshot();
        await _events.ProgressAsync(progress).ConfigureAwait(false);
        return progress;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _delivery.Dispose();
        _slices.Dispose();
    }

    private IEnumerable<SliceCursor> InitialSlices()
    {
        // One slice per kind of sign-in: a sparse range costs one request each. A slice that turns out to have
        // more pages hands its older half to an idle worker (OfferOlderHalf) when the running slices cannot keep
        // the limiter busy (slow pages), so ranges fan out on demand and no further.
        foreach (var type in _query.EventTypes.Distinct())
        {
            yield return new SliceCursor(type, _query.Start, _query.End);
        }
    }

    private async Task WorkAsync()
    {
        while (await _slices.TakeAsync(_stop.Token).ConfigureAwait(false) is { } cursor)
        {
            try
            {
                await ReadSliceAsync(cursor).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One slice failing for good fails the retrieval; the others stop rather than run on unseen.
                _stop.Cancel();
                throw;
            }
            finally
            {
                _slices.Finished();
            }
        }
    }

    private async Task ReadSliceAsync(SliceCursor cursor)
    {
        while (!cursor.Done)
        {
            _stop.Token.ThrowIfCancellationRequested();
            var url = cursor.NextLink is { } link ? new Uri(link) : FreshQuery(cursor);
            PageBuffer page;
            string? nextLink;
            TimeSpan elapsed;
            try
            {
                (page, nextLink, elapsed) = await _fetcher.GetAsync(url, _stop.Token).ConfigureAwait(false);
            }
            catch (TransientRetrievalException ex)
            {
                await BackOffAsync(cursor, ex).ConfigureAwait(false);
                continue;
            }

            var received = _graph.Clock.UtcNow;
            using (page)
            {
                await _delivery.DeliverAsync(cursor, page, url, Checkpoint, _stop.Token).ConfigureAwait(false);
            }

            _slices.RecordPageCycle(elapsed + (_graph.Clock.UtcNow - received));

            cursor.Failures = 0;
            cursor.NextLink = nextLink;
            cursor.Done = nextLink is null;
            if (_delivery.LimitReached)
            {
                _stop.Cancel();
                _stop.Token.ThrowIfCancellationRequested();
            }

            _slices.OfferOlderHalf(cursor);
            await _events.ProgressAsync(Snapshot()).ConfigureAwait(false);
        }
    }

    private Uri FreshQuery(SliceCursor cursor)
    {
        var pageSize = _graph.Options.PageSize;
        var top = _query.First > 0 ? (int)Math.Min(pageSize, Math.Max(1, _query.First - _counters.Records)) : pageSize;
        var queryString = "$filter=" + Uri.EscapeDataString(cursor.Filter(_query)) + "&$top=" + top.ToString(CultureInfo.InvariantCulture);
        return new UriBuilder(_signInsEndpoint) { Query = queryString }.Uri;
    }

    private async Task BackOffAsync(SliceCursor cursor, TransientRetrievalException failure)
    {
        cursor.Failures++;
        _counters.AddRetry();
        cursor.NextLink = null;
        if (cursor.Failures >= _graph.Options.MaxAttempts)
        {
            throw new EntraStrongAuthException(
                ErrorIds.GraphUnavailable,
                FailureKind.ResourceUnavailable,
                "Microsoft Graph kept failing for the sign-ins of " + SignInFilterBuilder.GraphName(cursor.EventType) + " before "
                    + (cursor.Oldest ?? cursor.To).ToString("u", CultureInfo.InvariantCulture) + ": " + failure.Message + " (" + cursor.Failures + " attempts).",
                "Try again later, or narrow -StartTime/-EndTime; sign-ins already written to the pipeline are complete up to that point.",
                failure);
        }

        var delay = failure.ResumeImmediately ? TimeSpan.Zero : failure.RetryAfter ?? _graph.Options.Backoff(cursor.Failures);
        await _events.VerboseAsync("Retrying the " + SignInFilterBuilder.GraphName(cursor.EventType) + " slice from "
            + (cursor.Oldest ?? cursor.To).ToString("u", CultureInfo.InvariantCulture) + " in " + Describe(delay) + ": " + failure.Message + ".").ConfigureAwait(false);
        if (delay > TimeSpan.Zero)
        {
            await _graph.Clock.Delay(delay, _stop.Token).ConfigureAwait(false);
        }
    }

    private RetrievalCheckpoint Checkpoint() => new(_query, _counters.Records, _slices.States());

    private RetrievalProgress Snapshot()
    {
        var (done, total, covered) = _slices.Progress();
        var types = Math.Max(1, _query.EventTypes.Distinct().Count());
        return new RetrievalProgress
        {
            Records = _counters.Records,
            SlicesDone = done,
            SlicesTotal = total,
            Covered = TimeSpan.FromTicks(covered.Ticks / types),
            Requested = _query.End - _query.Start,
            Requests = _counters.Requests,
            Throttled = _counters.Throttled,
            Retries = _counters.Retries,
        };
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1
            ? span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h"
            : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
