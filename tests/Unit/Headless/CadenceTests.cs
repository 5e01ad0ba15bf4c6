using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Headless;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Cadence finds the period through jitter, missed runs and retries, and finds none in a person's times.</summary>
public sealed class CadenceTests
{
    private static readonly long Monday = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public void A_nightly_weekday_job_with_jitter_is_daily_with_the_weekend_gaps_counted_as_missed_runs()
    {
        var random = new Random(1);
        var times = Enumerable.Range(0, 28).Where(d => d % 7 < 5).Select(d => Monday + (d * 86400L) + 5400 + random.Next(-900, 901));
        var cadence = Cadence.Find(times, 0.1)!;
        Assert.InRange(cadence.PeriodSeconds, 86400 * 0.95, 86400 * 1.05);
        Assert.Equal(cadence.Intervals, cadence.Regular);
        Assert.StartsWith("every 1 d", cadence.ToString());
    }

    [Fact]
    public void Sign_ins_seconds_apart_are_one_run_so_a_retry_does_not_halve_the_period()
    {
        var times = Enumerable.Range(0, 20).SelectMany(i => new[] { Monday + (i * 3600L), Monday + (i * 3600L) + 4 });
        var cadence = Cadence.Find(times, 0.1)!;
        Assert.Equal(3600, cadence.PeriodSeconds);
        Assert.Equal(19, cadence.Intervals);
    }

    [Fact]
    public void Hourly_runs_with_two_minutes_of_jitter_and_a_few_outages_stay_regular()
    {
        var random = new Random(2);
        var times = new List<long>();
        for (int i = 0; i < 200; i++)
        {
            if (i % 17 != 5)
            {
                times.Add(Monday + (i * 3600L) + random.Next(-120, 121));
            }
        }

        var cadence = Cadence.Find(times, 0.1)!;
        Assert.True(cadence.Share >= 0.95, cadence.ToString());
    }

    [Fact]
    public void A_persons_times_have_no_regular_cadence()
    {
        var random = new Random(3);
        var times = Enumerable.Range(0, 80).Select(_ => Monday + random.Next(0, 14 * 86400)).OrderBy(t => t);
        Assert.True(Cadence.Find(times, 0.1)!.Share < 0.7);
    }

    [Fact]
    public void One_run_has_no_cadence()
    {
        Assert.Null(Cadence.Find(new[] { Monday, Monday + 30 }, 0.1));
    }
}
