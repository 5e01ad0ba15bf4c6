using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// A schedule found in sign-in times. Method: collapse sign-ins less than <see cref="RunGapSeconds"/> apart into one
/// run (a job's token request and its retry), take the median interval between runs as the period, and count the
/// intervals within the tolerance of 1-<see cref="MaxMultiple"/> periods. The median ignores a few outliers (a manual
/// re-run) and the multiples forgive missed runs (weekends, an outage); a periodogram would also find the period but
/// needs a bucket size picked in advance for periods from minutes to days, and says less in one line of evidence.
/// </summary>
internal sealed class Cadence
{
    public const int RunGapSeconds = 120;
    public const int MaxMultiple = 4;

    /// <summary>A tolerance never tighter than this, so seconds of jitter on a 5-minute job still count.</summary>
    public const int MinToleranceSeconds = 60;

    private Cadence(double periodSeconds, int intervals, int regular, double spreadSeconds)
    {
        PeriodSeconds = periodSeconds;
        Intervals = intervals;
        Regular = regular;
        SpreadSeconds = spreadSeconds;
    }

    public double PeriodSeconds { get; }

    public int Intervals { get; }

    /// <summary>Intervals within the tolerance of a whole number of periods.</summary>
    public int Regular { get; }

    /// <summary>Median distance of the regular intervals from their multiple of the period: the jitter.</summary>
    public double SpreadSeconds { get; }

    public double Share => Intervals == 0 ? 0 : (double)Regular / Intervals;

    /// <summary>The schedule in the sorted times, or null with fewer than two runs.</summary>
    public static Cadence? Find(IEnumerable<long> ascendingSeconds, double tolerance)
    {
        var starts = new List<long>();
        long last = long.MinValue;
        foreach (var t in ascendingSeconds)
        {
            if (starts.Count == 0 || t - last > RunGapSeconds)
            {
                starts.Add(t);
            }

            last = t;
        }

        if (starts.Count < 2)
        {
            return null;
        }

        var intervals = new double[starts.Count - 1];
        for (int i = 1; i < starts.Count; i++)
        {
            intervals[i - 1] = starts[i] - starts[i - 1];
        }

        // Missed runs pull the plain median up a little; the regular intervals, each divided by its multiple, give it back.
        var rough = Median(intervals);
        var periods = RegularIntervals(intervals, rough, tolerance).Select(r => r.Interval / r.Multiple).ToArray();
        var period = periods.Length == 0 ? rough : Median(periods);
        var offsets = RegularIntervals(intervals, period, tolerance).Select(r => Math.Abs(r.Interval - (r.Multiple * period))).ToArray();
        return new Cadence(period, intervals.Length, offsets.Length, offsets.Length == 0 ? 0 : Median(offsets));
    }

    /// <summary>"every 5 min", "every 12 h", "every 1 d".</summary>
    public static string Describe(double seconds) =>
        seconds >= 86400 * 0.9 ? Format(seconds / 86400) + " d"
        : seconds >= 3600 * 0.9 ? Format(seconds / 3600) + " h"
        : seconds >= 60 ? Format(seconds / 60) + " min"
        : Format(seconds) + " s";

    public override string ToString() =>
        "every " + Describe(PeriodSeconds) + " ± " + Describe(SpreadSeconds) + " (" + Regular + " of " + Intervals + " intervals)";

    private static string Format(double value) => Math.Round(value, value < 10 ? 1 : 0).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(double Interval, double Multiple)> RegularIntervals(double[] intervals, double period, double tolerance)
    {
        var allowed = Math.Max(period * tolerance, MinToleranceSeconds);
        foreach (var interval in intervals)
        {
            var multiple = Math.Max(1, Math.Round(interval / period));
            if (multiple <= MaxMultiple && Math.Abs(interval - (multiple * period)) <= allowed)
            {
                yield return (interval, multiple);
            }
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
