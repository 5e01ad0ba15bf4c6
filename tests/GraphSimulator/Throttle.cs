using System;
using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// Per-app token buckets: each app (the token's appid claim, or a hash of its Authorization header) may send
/// <c>requests</c> per <c>window</c>, refilled continuously. The identity &amp; access reports service documents
/// 5 requests / 10 s per app per tenant (throttling-limits.md, includes/throttling-entra-logs-reports.md).
/// </summary>
internal sealed class Throttle
{
    private readonly Dictionary<string, (double Tokens, long Stamp)> buckets = new(StringComparer.Ordinal);
    private readonly int capacity;
    private readonly double perTick;
    private readonly bool countRejected;
    private readonly TimeProvider time;

    /// <param name="requests">Requests per window per app; 0 disables throttling.</param>
    /// <param name="window">Wall-clock window (already scaled).</param>
    /// <param name="countRejected">Whether a rejected request still costs a token.</param>
    /// <param name="time">The clock.</param>
    public Throttle(int requests, TimeSpan window, bool countRejected, TimeProvider time)
    {
        capacity = requests;
        this.countRejected = countRejected;
        this.time = time;
        perTick = requests / (window.TotalSeconds * time.TimestampFrequency);
    }

    public bool Enabled => capacity > 0;

    /// <summary>Takes a token for <paramref name="app"/>; null when allowed, else the wall time until a token is free.</summary>
    public TimeSpan? TryAcquire(string app)
    {
        if (!Enabled)
        {
            return null;
        }

        lock (buckets)
        {
            long now = time.GetTimestamp();
            var (tokens, stamp) = buckets.TryGetValue(app, out var bucket) ? bucket : (capacity, now);
            tokens = Math.Min(capacity, tokens + ((now - stamp) * perTick));
            if (tokens >= 1)
            {
                buckets[app] = (tokens - 1, now);
                return null;
            }

            // Graph keeps counting requests made while throttled (concepts/throttling.md); the debt is capped at one
            // window so a misbehaving client recovers after at most two windows of silence.
            if (countRejected)
            {
                tokens = Math.Max(-capacity, tokens - 1);
            }

            buckets[app] = (tokens, now);
            double wait = (1 - tokens) / perTick / time.TimestampFrequency;
            return TimeSpan.FromSeconds(wait);
        }
    }
}
