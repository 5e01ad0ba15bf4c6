using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Reads sign-ins from Graph's beta signIns endpoint: the time range is cut into slices per event type, read by a
/// few workers under the connection's shared limiter; a worker that runs out of slices takes the older half of a
/// busy one, but only while the slices already running cannot keep the limiter busy (each split costs a request).
/// Records are handed over page by page, one page at a time, as soon as each page is complete.
/// </summary>
public sealed class SignInRetriever
{
    private readonly HttpClient _http;
    private readonly Uri _signInsEndpoint;
    private readonly RequestRateLimiter _limiter;
    private readonly RetrievalOptions _options;
    private readonly IRetrievalClock _clock;

    public SignInRetriever(GraphConnection connection, RetrievalOptions? options = null)
        : this(
            (connection ?? throw new ArgumentNullException(nameof(connection))).RawHttp,
            connection.Context.GraphEndpoint,
            connection.Limiter,
            options ?? new RetrievalOptions(),
            SystemRetrievalClock.Instance)
    {
    }

    internal SignInRetriever(HttpClient http, Uri graphEndpoint, RequestRateLimiter limiter, RetrievalOptions options, IRetrievalClock clock)
    {
        _http = http;
        _signInsEndpoint = new Uri(graphEndpoint, "beta/auditLogs/signIns");
        _limiter = limiter;
        _options = options;
        _clock = clock;
    }

    /// <summary>
    /// Delivers every matching sign-in exactly once to <paramref name="onRecord"/> (never concurrently), and records
    /// the reader could not map to <paramref name="onProblem"/>. Ends when the range is read, <c>First</c> is
    /// reached, or <paramref name="cancellationToken"/> fires (then everything already delivered stays delivered).
    /// </summary>
    public async Task<RetrievalProgress> RunAsync(
        SignInQuery query,
        Func<SignInEvent, Task> onRecord,
        Func<SignInReadProblem, Task> onProblem,
        RetrievalEvents events,
        CancellationToken cancellationToken) =>
        await RunAsync(query, onRecord, onProblem, events, resume: null, pageSink: null, cancellationToken).ConfigureAwait(false);

    /// <summary>As above; <paramref name="resume"/> continues an interrupted run, <paramref name="pageSink"/> sees each stored page.</summary>
    internal async Task<RetrievalProgress> RunAsync(
        SignInQuery query,
        Func<SignInEvent, Task> onRecord,
        Func<SignInReadProblem, Task> onProblem,
        RetrievalEvents events,
        RetrievalCheckpoint? resume,
        IRetrievalPageSink? pageSink,
        CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        using var run = new Run(this, query, onRecord, onProblem, events ?? new RetrievalEvents(), pageSink, cancellationToken);
        return await run.ExecuteAsync(resume).ConfigureAwait(false);
    }

    private sealed class Run : IDisposable
    {
        private readonly SignInRetriever _owner;
        private readonly SignInQuery _query;
        private readonly Func<SignInEvent, Task> _onRecord;
        private readonly Func<SignInReadProblem, Task> _onProblem;
        private readonly RetrievalEvents _events;
        private readonly IRetrievalPageSink? _pageSink;
        private readonly CancellationToken _userToken;
        private readonly CancellationTokenSource _stop;
        private readonly RetrievalCounters _counters = new();
        private readonly GraphPageFetcher _fetcher;
        private readonly SemaphoreSlim _deliver = new(1, 1);
        private readonly SemaphoreSlim _workAvailable = new(0, int.MaxValue);
        private readonly object _gate = new();
        private readonly List<SliceCursor> _all = new();
        private readonly List<SliceCursor> _pending = new();
        private readonly int _workers;
        private int _busy;
        private double _pageCycleSeconds = -1;
        private bool _caHiddenWarned;

        public Run(SignInRetriever owner, SignInQuery query, Func<SignInEvent, Task> onRecord, Func<SignInReadProblem, Task> onProblem, RetrievalEvents events, IRetrievalPageSink? pageSink, CancellationToken cancellationToken)
        {
            _pageSink = pageSink;
            _owner = owner;
            _query = query;
            _onRecord = onRecord;
            _onProblem = onProblem;
            _events = events;
            _userToken = cancellationToken;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _fetcher = new GraphPageFetcher(owner._http, owner._limiter, owner._options, _counters, events, owner._clock);
            _workers = Math.Max(1, owner._options.MaxConcurrency);
        }

        private bool LimitReached => _query.First > 0 && _counters.Records >= _query.First;

        public async Task<RetrievalProgress> ExecuteAsync(RetrievalCheckpoint? resume)
        {
            var cursors = resume is null ? InitialSlices() : resume.Slices.Select(SliceCursor.FromState);
            if (resume is not null)
            {
                _counters.AddRecords(checked((int)Math.Min(int.MaxValue, resume.Records)));
            }

            foreach (var cursor in cursors)
            {
                _all.Add(cursor);
                if (!cursor.Done)
                {
                    _pending.Add(cursor);
                }
            }

            await _events.VerboseAsync("Reading " + _all.Count + " slice(s) of " + Describe(_query.End - _query.Start) + " with up to " + _workers + " at a time.").ConfigureAwait(false);
            try
            {
                await Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => WorkAsync())).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_userToken.IsCancellationRequested && LimitReached)
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
            _deliver.Dispose();
            _workAvailable.Dispose();
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
            while (true)
            {
                SliceCursor? cursor = null;
                lock (_gate)
                {
                    if (_pending.Count > 0)
                    {
                        cursor = _pending[0];
                        _pending.RemoveAt(0);
                        _busy++;
                    }
                    else if (_busy == 0)
                    {
                        // Nothing queued and nobody left to split: wake the other idle workers so they end too.
                        _workAvailable.Release(_workers);
                        return;
                    }
                }

                if (cursor is null)
                {
                    await _workAvailable.WaitAsync(_stop.Token).ConfigureAwait(false);
                    continue;
                }

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
                    lock (_gate)
                    {
                        _busy--;
                    }

                    _workAvailable.Release();
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

                var received = _owner._clock.UtcNow;
                using (page)
                {
                    await DeliverAsync(cursor, page, url).ConfigureAwait(false);
                }

                RecordPageCycle(elapsed + (_owner._clock.UtcNow - received));

                cursor.Failures = 0;
                cursor.NextLink = nextLink;
                cursor.Done = nextLink is null;
                if (LimitReached)
                {
                    _stop.Cancel();
                    _stop.Token.ThrowIfCancellationRequested();
                }

                OfferOlderHalf(cursor);
                await _events.ProgressAsync(Snapshot()).ConfigureAwait(false);
            }
        }

        private Uri FreshQuery(SliceCursor cursor)
        {
            var top = _query.First > 0 ? (int)Math.Min(_owner._options.PageSize, Math.Max(1, _query.First - _counters.Records)) : _owner._options.PageSize;
            var queryString = "$filter=" + Uri.EscapeDataString(cursor.Filter(_query)) + "&$top=" + top.ToString(CultureInfo.InvariantCulture);
            return new UriBuilder(_owner._signInsEndpoint) { Query = queryString }.Uri;
        }

        private async Task BackOffAsync(SliceCursor cursor, TransientRetrievalException failure)
        {
            cursor.Failures++;
            _counters.AddRetry();
            cursor.NextLink = null;
            if (cursor.Failures >= _owner._options.MaxAttempts)
            {
                throw new EntraStrongAuthException(
                    "GraphUnavailable",
                    FailureKind.ResourceUnavailable,
                    "Microsoft Graph kept failing for the sign-ins of " + SignInFilterBuilder.GraphName(cursor.EventType) + " before "
                        + (cursor.Oldest ?? cursor.To).ToString("u", CultureInfo.InvariantCulture) + ": " + failure.Message + " (" + cursor.Failures + " attempts).",
                    "Try again later, or narrow -StartTime/-EndTime; sign-ins already written to the pipeline are complete up to that point.",
                    failure);
            }

            var delay = failure.ResumeImmediately ? TimeSpan.Zero : failure.RetryAfter ?? _owner._options.Backoff(cursor.Failures);
            await _events.VerboseAsync("Retrying the " + SignInFilterBuilder.GraphName(cursor.EventType) + " slice from "
                + (cursor.Oldest ?? cursor.To).ToString("u", CultureInfo.InvariantCulture) + " in " + Describe(delay) + ": " + failure.Message + ".").ConfigureAwait(false);
            if (delay > TimeSpan.Zero)
            {
                await _owner._clock.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
        }

        private async Task DeliverAsync(SliceCursor cursor, PageBuffer page, Uri url)
        {
            // Records are parsed and handed over in one critical section per page: the receiver (an analyzer, the
            // pipeline) sees one record at a time, and a page is never half-delivered by two workers.
            await _deliver.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                using var stream = page.OpenRead();
                var source = "Graph " + url.AbsolutePath;
                var newIds = _pageSink is null ? null : new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in SignInLogReader.ReadStream(stream, source, SignInLogFormat.GraphJson, _stop.Token))
                {
                    if (item.Problem is { } problem)
                    {
                        await _onProblem(problem).ConfigureAwait(false);
                        continue;
                    }

                    var record = item.SignIn!;
                    if (LimitReached || !cursor.Accept(record))
                    {
                        continue;
                    }

                    await WarnIfConditionalAccessHiddenAsync(record).ConfigureAwait(false);
                    _counters.AddRecords(1);
                    if (record.Id is { } id)
                    {
                        newIds?.Add(id);
                    }

                    await _onRecord(record).ConfigureAwait(false);
                }

                if (_pageSink is not null)
                {
                    await _pageSink.PageDeliveredAsync(page.Memory, newIds!, Checkpoint(), _stop.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _deliver.Release();
            }
        }

        private void RecordPageCycle(TimeSpan cycle)
        {
            lock (_gate)
            {
                _pageCycleSeconds = _pageCycleSeconds < 0 ? cycle.TotalSeconds : (0.7 * _pageCycleSeconds) + (0.3 * cycle.TotalSeconds);
            }
        }

        // How many slices read one after another keep the limiter busy: each makes one request per page cycle (request
        // plus delivery), the limiter allows MaxRequests per Window. Every split costs a request (the new slice's last
        // page is partial), so once the limiter is the bottleneck more slices only add requests. Called under _gate.
        private int SlicesToFillLimiter()
        {
            if (_pageCycleSeconds < 0)
            {
                return _workers;
            }

            var limiter = _owner._limiter;
            var needed = Math.Ceiling(limiter.MaxRequests * _pageCycleSeconds / limiter.Window.TotalSeconds);
            return (int)Math.Max(1, Math.Min(_workers, needed));
        }

        private void OfferOlderHalf(SliceCursor cursor)
        {
            if (cursor.Done)
            {
                return;
            }

            lock (_gate)
            {
                if (_pending.Count > 0 || _busy >= Math.Min(_workers, SlicesToFillLimiter()))
                {
                    return;
                }

                if (cursor.SplitOlderHalf(_owner._options.MinimumSliceSpan) is { } older)
                {
                    _all.Add(older);
                    _pending.Add(older);
                    _workAvailable.Release();
                }
            }
        }

        private async Task WarnIfConditionalAccessHiddenAsync(SignInEvent record)
        {
            if (_caHiddenWarned || !ConditionalAccessVisibility.LooksHidden(record))
            {
                return;
            }

            _caHiddenWarned = true;
            await _events.WarningAsync("Graph returned sign-ins without their Conditional Access policies (e.g. " + record.Id
                + "). The connection lacks Policy.Read.All, so policy and strength evidence is missing: connect with Policy.Read.All for full findings.").ConfigureAwait(false);
        }

        private RetrievalCheckpoint Checkpoint()
        {
            lock (_gate)
            {
                return new RetrievalCheckpoint(_query, _counters.Records, _all.Select(c => c.ToState()).ToArray());
            }
        }

        private RetrievalProgress Snapshot()
        {
            int done, total;
            long coveredTicks;
            lock (_gate)
            {
                done = _all.Count(c => c.Done);
                total = _all.Count;
                coveredTicks = _all.Sum(c => (c.Span - c.Remaining).Ticks);
            }

            var types = Math.Max(1, _query.EventTypes.Distinct().Count());
            return new RetrievalProgress
            {
                Records = _counters.Records,
                SlicesDone = done,
                SlicesTotal = total,
                Covered = TimeSpan.FromTicks(coveredTicks / types),
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
}
