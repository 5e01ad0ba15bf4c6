using System;
using System.Globalization;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Short human durations for evidence text: "30 s", "2 min 5 s", "1 h 4 min".</summary>
internal static class Durations
{
    public static string Describe(TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Abs(span.TotalSeconds));
        if (seconds < 60)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        if (seconds < 3600)
        {
            return Part(seconds / 60, "min") + (seconds % 60 == 0 ? string.Empty : " " + Part(seconds % 60, "s"));
        }

        var minutes = seconds / 60;
        return Part(minutes / 60, "h") + (minutes % 60 == 0 ? string.Empty : " " + Part(minutes % 60, "min"));
    }

    private static string Part(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + " " + unit;
}
