using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Engine.GraphHttp;

/// <summary>
/// One limiter per connection, shared by every request of every command: at most N request starts in any sliding
/// window (Graph's reports service allows about 5 per 10 s per app and tenant), and a pause for everyone when the
/// service says Retry-After. Staying under the limit costs nothing; a 429 costs the whole window.
/// </summary>
internal sealed class RequestRateLimiter
{
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly IRetrievalClock _clock;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public RequestRateLimiter(int maxRequests, TimeSpan window, IRetrievalClock? clock = null)
    {
        if (maxRequests < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRequests), "At least one request per window is needed.");
        }

        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
        }

        MaxRequests = maxRequests;
        Window = window;
        _clock = clock ?? SystemRetrievalClock.Instance;
    }

    public int MaxRequests { get; }

    public TimeSpan Window { get; }

    /// <summary>Waits until a request may start, then counts it as started. Returns how long it waited.</summary>
    public async Task<TimeSpan> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            TimeSpan delay;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                while (_starts.Count > 0 && _starts.Peek() + Window <= now)
                {
                    _starts.Dequeue();
                }

                var freeAt = _starts.Count >= MaxRequests ? _starts.Peek() + Window : now;
                var until = freeAt > _pausedUntil ? freeAt : _pausedUntil;
                if (until <= now)
                {
                    _starts.Enqueue(now);
                    return waited;
                }

                delay = until - now;
            }

            waited += delay;
            await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds every request until <paramref name="until"/> (a 429's or 503's Retry-After).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
