using System;
using System.Globalization;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>tolong / tobool / todouble: null when the value does not convert (Kusto never throws on a bad value).</summary>
internal static class KqlConvert
{
    public static long? ToLong(object? value) => KqlValues.Unwrap(value) switch
    {
        long l => l,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) => (long)d,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => (long)d,
        DateTime t => t.Ticks,
        TimeSpan t => t.Ticks,
        _ => null,
    };

    public static double? ToDouble(object? value) => KqlValues.Unwrap(value) switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };

    public static bool? ToBool(object? value) => KqlValues.Unwrap(value) switch
    {
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s when bool.TryParse(s.Trim(), out bool b) => b,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l != 0,
        _ => null,
    };
}
