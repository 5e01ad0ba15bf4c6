using System;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>datetime_diff and bin.</summary>
internal static class KqlDates
{
    /// <summary>datetime_diff(period, a, b): the number of period boundaries between b and a (a - b, both truncated to the period).</summary>
    public static long? Diff(string period, DateTime? a, DateTime? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return null;
        }

        switch (period.ToLowerInvariant())
        {
            case "year":
                return x.Year - y.Year;
            case "quarter":
                return ((x.Year - y.Year) * 4) + ((x.Month - 1) / 3) - ((y.Month - 1) / 3);
            case "month":
                return ((x.Year - y.Year) * 12) + x.Month - y.Month;
        }

        long unit = period.ToLowerInvariant() switch
        {
            "week" => TimeSpan.TicksPerDay * 7,
            "day" => TimeSpan.TicksPerDay,
            "hour" => TimeSpan.TicksPerHour,
            "minute" => TimeSpan.TicksPerMinute,
            "second" => TimeSpan.TicksPerSecond,
            "millisecond" => TimeSpan.TicksPerMillisecond,
            "microsecond" => 10,
            "nanosecond" => 1,
            _ => throw KqlException.Semantic($"datetime_diff: unknown period '{period}'."),
        };
        long result = FloorDiv(x.Ticks, unit) - FloorDiv(y.Ticks, unit);
        return period.Equals("nanosecond", StringComparison.OrdinalIgnoreCase) ? result * 100 : result;
    }

    /// <summary>bin(value, size): rounded down to a multiple of size (datetimes from 0001-01-01, as Kusto's ticks).</summary>
    public static object? Bin(object? value, object? size)
    {
        value = KqlValues.Unwrap(value);
        size = KqlValues.Unwrap(size);
        return (value, size) switch
        {
            (DateTime t, TimeSpan s) when s.Ticks > 0 => new DateTime(FloorDiv(t.Ticks, s.Ticks) * s.Ticks, DateTimeKind.Utc),
            (TimeSpan t, TimeSpan s) when s.Ticks > 0 => TimeSpan.FromTicks(FloorDiv(t.Ticks, s.Ticks) * s.Ticks),
            (long l, long s) when s > 0 => FloorDiv(l, s) * s,
            (long l, double s) when s > 0 => Math.Floor(l / s) * s,
            (double d, long s) when s > 0 => Math.Floor(d / s) * s,
            (double d, double s) when s > 0 => Math.Floor(d / s) * s,
            _ => null,
        };
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}
