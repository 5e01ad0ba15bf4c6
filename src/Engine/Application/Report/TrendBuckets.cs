using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The chart's columns: one per UTC day from the window's first to its last day (empty days included, so a gap shows as
/// a gap), or one per week (starting Monday) when the window is longer than <see cref="MaxDays"/> days.
/// </summary>
internal sealed class TrendBuckets
{
    public const int MaxDays = 92;

    private TrendBuckets(IReadOnlyList<DateTime> starts, bool weekly, IReadOnlyList<FailureCause> causes, long[,] counts)
    {
        Starts = starts;
        Weekly = weekly;
        Causes = causes;
        Counts = counts;
    }

    public IReadOnlyList<DateTime> Starts { get; }

    public bool Weekly { get; }

    /// <summary>The causes drawn, largest first (the stacking and legend order).</summary>
    public IReadOnlyList<FailureCause> Causes { get; }

    /// <summary>[bucket, cause index] failure counts.</summary>
    public long[,] Counts { get; }

    public DateTime FirstDay => Starts[0];

    public DateTime LastDay => Weekly ? Starts[Starts.Count - 1].AddDays(6) : Starts[Starts.Count - 1];

    public long Total(int bucket) => Enumerable.Range(0, Causes.Count).Sum(cause => Counts[bucket, cause]);

    /// <summary>The columns of the window; null when there are no failures to draw.</summary>
    public static TrendBuckets? From(FailureTally failures, DateTimeOffset? start, DateTimeOffset? end)
    {
        if (failures.First is not { } first || failures.Last is not { } last)
        {
            return null;
        }

        var firstDay = Min(first, start).UtcDateTime.Date;
        var lastDay = Max(last, end).UtcDateTime.Date;
        var weekly = (lastDay - firstDay).TotalDays + 1 > MaxDays;
        if (weekly)
        {
            firstDay = WeekStart(firstDay);
        }

        var starts = new List<DateTime>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(weekly ? 7 : 1))
        {
            starts.Add(day);
        }

        var causes = failures.Causes.Select(cause => cause.Cause).ToList();
        var counts = new long[starts.Count, causes.Count];
        foreach (var pair in failures.Days)
        {
            var bucket = weekly ? (int)((WeekStart(pair.Key) - firstDay).TotalDays / 7) : (int)(pair.Key - firstDay).TotalDays;
            foreach (var cause in pair.Value)
            {
                counts[bucket, causes.IndexOf(cause.Key)] += cause.Value;
            }
        }

        return new TrendBuckets(starts, weekly, causes, counts);
    }

    public int BucketOf(DateTime day) => Weekly ? (int)((WeekStart(day) - FirstDay).TotalDays / 7) : (int)(day - FirstDay).TotalDays;

    private static DateTime WeekStart(DateTime day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // The asked window widens the chart only outward: a failure outside it (the window is the caller's) still shows.
    private static DateTimeOffset Min(DateTimeOffset value, DateTimeOffset? other) => other is { } o && o < value ? o : value;

    private static DateTimeOffset Max(DateTimeOffset value, DateTimeOffset? other) => other is { } o && o > value ? o : value;
}
