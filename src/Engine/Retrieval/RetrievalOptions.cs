using System;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>How hard retrieval pushes and how patiently it retries. Defaults suit Graph's reports service.</summary>
public sealed class RetrievalOptions
{
    /// <summary>Request starts allowed per <see cref="ThrottleWindow"/> (Graph reports: about 5 per 10 s per app and tenant).</summary>
    public int RequestsPerWindow { get; init; } = 5;

    public TimeSpan ThrottleWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Slices read at the same time; the limiter still decides when each request starts.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Records per page; Graph's maximum for signIns is 1000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Consecutive failures of one slice (5xx, dropped connection, truncated body) before giving up.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When a 429 carries no Retry-After, wait this long (one throttle window).</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a reader waits while Graph answers every request with 429 (from the first 429 to the next answer
    /// that is not one): then it stops with GraphThrottled instead of retrying for ever. Default 5 minutes, far
    /// beyond the Retry-After of ordinary throttling (seconds).
    /// </summary>
    public TimeSpan MaxThrottledWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Throttling this long without relief is said once as a warning, with how long it has lasted. Default 1 minute.</summary>
    public TimeSpan ThrottledWaitWarning { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A slice is not split below this span: splitting further only adds requests.</summary>
    public TimeSpan MinimumSliceSpan { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based): doubling from <see cref="BackoffBase"/> up to <see cref="BackoffMax"/>, with ±20 % jitter.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var ticks = BackoffBase.Ticks * (1L << Math.Min(Math.Max(attempt, 1) - 1, 16));
#pragma warning disable CA5394 // Jitter spreads retries apart; it needs no cryptographic randomness.
        var jitter = 0.8 + (0.4 * ThreadSafeRandom.NextDouble());
#pragma warning restore CA5394
        return TimeSpan.FromTicks((long)(Math.Min(ticks, BackoffMax.Ticks) * jitter));
    }
}
