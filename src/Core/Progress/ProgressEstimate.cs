using System;

namespace EntraStrongAuth.Core.Progress;

/// <summary>
/// Write-Progress numbers from what an operation knows: the share done and the seconds left at the rate so far.
/// Elapsed time is passed in (the caller owns the clock); -1 is Write-Progress's "unknown".
/// </summary>
internal static class ProgressEstimate
{
    /// <summary>0 to 100; -1 when the total is unknown (zero or less).</summary>
    public static int Percent(double done, double total)
    {
        if (total <= 0)
        {
            return -1;
        }

        return (int)Math.Max(0, Math.Min(100, Math.Floor(100 * done / total)));
    }

    /// <summary>
    /// The seconds left if the rest goes at the rate so far; -1 when that cannot be told: no total, nothing done yet,
    /// or no time elapsed. 0 once done.
    /// </summary>
    public static int SecondsRemaining(double done, double total, TimeSpan elapsed)
    {
        if (total <= 0 || done <= 0 || elapsed <= TimeSpan.Zero)
        {
            return -1;
        }

        if (done >= total)
        {
            return 0;
        }

        var seconds = elapsed.TotalSeconds * (total - done) / done;
        return seconds >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(seconds);
    }

    /// <summary>Items per second over the elapsed time; null before any time passed.</summary>
    public static double? PerSecond(long count, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? null : count / elapsed.TotalSeconds;
}
