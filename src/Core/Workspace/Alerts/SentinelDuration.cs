using System;
using System.Globalization;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// A rule's query frequency and period as the two formats write them: the YAML's short form (5m, 1h, 14d) and the
/// ARM template's ISO 8601 duration (PT5M, PT1H, P14D). Only whole days, hours or minutes are allowed: Sentinel's
/// bounds (5 minutes to 14 days) are all whole minutes.
/// </summary>
public static class SentinelDuration
{
    public static string ToShortForm(TimeSpan duration)
    {
        var (count, unit) = Split(duration);
        return count.ToString(CultureInfo.InvariantCulture) + char.ToLowerInvariant(unit);
    }

    public static string ToIso8601(TimeSpan duration)
    {
        var (count, unit) = Split(duration);
        return (unit == 'D' ? "P" : "PT") + count.ToString(CultureInfo.InvariantCulture) + unit;
    }

    private static (long Count, char Unit) Split(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A rule's frequency and period are positive whole minutes.");
        }

        if (duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerDay, 'D');
        }

        return duration.Ticks % TimeSpan.TicksPerHour == 0 ? (duration.Ticks / TimeSpan.TicksPerHour, 'H') : (duration.Ticks / TimeSpan.TicksPerMinute, 'M');
    }
}
