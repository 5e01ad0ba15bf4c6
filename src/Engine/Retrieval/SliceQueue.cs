using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.GraphHttp;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Which slice a retrieval's worker reads next. Workers take waiting slices; a worker that finds none waits while
/// others are still reading, since a busy slice may hand its older half over (<see cref="OfferOlderHalf"/>), and
/// ends once nothing is waiting and nobody is reading. Thread-safe.
/// </summary>
internal sealed class SliceQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly List<SliceCursor> _all = new();
    private readonly List<SliceCursor> _waiting = new();
    private readonly SemaphoreSlim _workAvailable = new(0, int.MaxValue);
    private readonly RequestRateLimiter _limiter;
    private readonly TimeSpan _minimumSliceSpan;
    private readonly int _workers;
    private int _busy;
    private double _pageCycleSeconds = -1;

    public SliceQueue(int workers, RequestRateLimiter limiter, TimeSpan minimumSliceSpan)
    {
        _workers = workers;
        _limiter = limiter;
        _minimumSliceSpan = minimumSliceSpan;
    }

    /// <summary>Every slice, read or not (a split adds one).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Adds a slice of the run (a finished one, from a checkpoint, only counts towards progress).</summary>
    public void Add(SliceCursor cursor)
    {
        lock (_gate)
        {
            _all.Add(cursor);
            if (!cursor.Done)
            {
                _waiting.Add(cursor);
            }
        }
    }

    /// <summary>The next slice to read, counted as busy until <see cref="Finished"/>; null when the run has no more.</summary>
    public async Task<SliceCursor?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_waiting.Count > 0)
                {
                    var cursor = _waiting[0];
                    _waiting.RemoveAt(0);
                    _busy++;
                    return cursor;
                }

                if (_busy == 0)
                {
                    // Nothing queued and nobody left to split: wake the other idle workers so they end too.
                    _workAvailable.Release(_workers);
                    return null;
                }
            }

            await _workAvailable.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A worker stopped reading its slice (done, failed or cancelled): a waiting worker may now end.</summary>
    public void Finished()
    {
        lock (_gate)
        {
            _busy--;
        }

        _workAvailable.Release();
    }

    /// <summary>Averages the time from asking for a page to having delivered it, which decides when splitting pays.</summary>
    public void RecordPageCycle(TimeSpan cycle)
    {
        lock (_gate)
        {
            _pageCycleSeconds = _pageCycleSeconds < 0 ? cycle.TotalSeconds : (0.7 * _pageCycleSeconds) + (0.3 * cycle.TotalSeconds);
        }
    }

    /// <summary>Hands the older half of a busy slice to an idle worker, when nothing is waiting and more slices would help.</summary>
    public void OfferOlderHalf(SliceCursor cursor)
    {
        if (cursor.Done)
        {
            return;
        }

        lock (_gate)
        {
            if (_waiting.Count > 0 || _busy >= Math.Min(_workers, SlicesToFillLimiter()))
            {
                return;
            }

            if (cursor.SplitOlderHalf(_minimumSliceSpan) is { } older)
            {
                _all.Add(older);
                _waiting.Add(older);
                _workAvailable.Release();
            }
        }
    }

    /// <summary>Every slice's state, for a checkpoint.</summary>
    public SliceState[] States()
    {
        lock (_gate)
        {
            return _all.Select(c => c.ToState()).ToArray();
        }
    }

    /// <summary>Slices finished, slices in all, and the time they have covered between them.</summary>
    public (int Done, int Total, TimeSpan Covered) Progress()
    {
        lock (_gate)
        {
            return (_all.Count(c => c.Done), _all.Count, TimeSpan.FromTicks(_all.Sum(c => (c.Span - c.Remaining).Ticks)));
        }
    }

    public void Dispose() => _workAvailable.Dispose();

    // How many slices read one after another keep the limiter busy: each makes one request per page cycle (request
    // plus delivery), the limiter allows MaxRequests per Window. Every split costs a request (the new slice's last
    // page is partial), so once the limiter is the bottleneck more slices only add requests. Called under _gate.
    private int SlicesToFillLimiter()
    {
        if (_pageCycleSeconds < 0)
        {
            return _workers;
        }

        var needed = Math.Ceiling(_limiter.MaxRequests * _pageCycleSeconds / _limiter.Window.TotalSeconds);
        return (int)Math.Max(1, Math.Min(_workers, needed));
    }
}
