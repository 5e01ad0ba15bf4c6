using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// Runtime values: string, long (int and long), double, bool, DateTime (UTC), TimeSpan, JsonNode (dynamic) or null.
/// Kusto's rules live here: comparisons with null are false, == on strings is ordinal, tostring(dynamic) is compact JSON.
/// </summary>
internal static class KqlValues
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>A dynamic scalar unwrapped to its CLR value (a JSON string to string, a number to long/double); others as they are.</summary>
    public static object? Unwrap(object? value)
    {
        if (value is not JsonValue json)
        {
            return value;
        }

        return json.GetValueKind() switch
        {
            JsonValueKind.String => json.GetValue<string>(),
            JsonValueKind.Number => json.TryGetValue(out long l) ? l : json.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    /// <summary>tostring(): "" for null, compact JSON for dynamic arrays/objects, a dynamic string's own text.</summary>
    public static string ToText(object? value) => Unwrap(value) switch
    {
        null => "",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString(DateFormat, CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        JsonNode node => node.ToJsonString(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A value as a dynamic element (what make_set and make_list collect).</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateTime t => JsonValue.Create(t.ToString(DateFormat, CultureInfo.InvariantCulture)),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(ToText(value)),
    };

    /// <summary>todynamic()/parse_json(): JSON text parsed (text that is not JSON stays a dynamic string); dynamic as it is.</summary>
    public static JsonNode? ToDynamic(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node;
            case string s when s.Length == 0:
                return null;
            case string s:
                try
                {
                    return JsonNode.Parse(s);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(s);
                }

            default:
                return ToJson(value);
        }
    }

    /// <summary>Kusto ==: false when either side is null; strings ordinal; numbers across long/double.</summary>
    public static bool AreEqual(object? a, object? b, bool ignoreCase = false)
    {
        a = Unwrap(a);
        b = Unwrap(b);
        if (a is null || b is null)
        {
            return false;
        }

        if (a is string sa && b is string sb)
        {
            return string.Equals(sa, sb, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        if (a is JsonNode || b is JsonNode)
        {
            return ToText(a) == ToText(b);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is long la && b is long lb ? la == lb : ToDouble(a) == ToDouble(b);
        }

        if (a is string || b is string)
        {
            // Kusto compares a string with a number by the number's text (Sentinel rules write ResultType == 500121).
            return string.Equals(ToText(a), ToText(b), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        return a.Equals(b);
    }

    /// <summary>Ordering for sort and &lt; &gt;: null when either side is null or the types do not compare.</summary>
    public static int? Compare(object? a, object? b)
    {
        a = Unwrap(a);
        b = Unwrap(b);
        if (a is null || b is null)
        {
            return null;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is long la && b is long lb ? la.CompareTo(lb) : ToDouble(a).CompareTo(ToDouble(b));
        }

        return (a, b) switch
        {
            (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
            (DateTime x, DateTime y) => x.CompareTo(y),
            (TimeSpan x, TimeSpan y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            _ => Math.Sign(string.CompareOrdinal(ToText(a), ToText(b))),
        };
    }

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object value) => value is long l ? l : (double)value;

    /// <summary>The value is Kusto's true (null and anything else is not).</summary>
    public static bool IsTrue(object? value) => Unwrap(value) is true;

    /// <summary>isempty(): null or "".</summary>
    public static bool IsEmpty(object? value) => Unwrap(value) is null or "";

    public static DateTime ParseDateTime(string text) =>
        DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static object? TryParseDateTime(string text) =>
        DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t : null;

    /// <summary>A timespan literal: 1d, 2h, 30m, 10s, 100ms, 5microsecond, 3tick, or d.hh:mm:ss.</summary>
    public static TimeSpan ParseTimeSpan(string text)
    {
        text = text.Trim();
        (string unit, double ticks)[] units =
        {
            ("microseconds", 10), ("microsecond", 10), ("milliseconds", TimeSpan.TicksPerMillisecond), ("millisecond", TimeSpan.TicksPerMillisecond),
            ("ms", TimeSpan.TicksPerMillisecond), ("ticks", 1), ("tick", 1), ("days", TimeSpan.TicksPerDay), ("day", TimeSpan.TicksPerDay),
            ("d", TimeSpan.TicksPerDay), ("hours", TimeSpan.TicksPerHour), ("hour", TimeSpan.TicksPerHour), ("h", TimeSpan.TicksPerHour),
            ("minutes", TimeSpan.TicksPerMinute), ("minute", TimeSpan.TicksPerMinute), ("m", TimeSpan.TicksPerMinute),
            ("seconds", TimeSpan.TicksPerSecond), ("second", TimeSpan.TicksPerSecond), ("s", TimeSpan.TicksPerSecond),
        };
        foreach (var (unit, ticks) in units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out double n))
            {
                return TimeSpan.FromTicks((long)Math.Round(n * ticks));
            }
        }

        return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }
}
