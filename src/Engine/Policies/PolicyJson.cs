using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Field access for policy records. Names match case-insensitively, so Graph JSON (<c>displayName</c>) and Graph
/// PowerShell objects saved with ConvertTo-Json (<c>DisplayName</c>) both read. A field of the wrong JSON kind throws
/// <see cref="PolicyShapeException"/>, which fails that one record, never the whole read.
/// </summary>
internal static class PolicyJson
{
    public static JsonElement? Property(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : property.Value;
            }
        }

        return null;
    }

    public static bool Has(JsonElement item, string name) => Property(item, name) is not null;

    public static JsonElement? Object(JsonElement item, string name)
    {
        var value = Property(item, name);
        if (value is { } v && v.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyShapeException(name, "an object");
        }

        return value;
    }

    public static string? String(JsonElement item, string name)
    {
        var value = Property(item, name);
        if (value is not { } v)
        {
            return null;
        }

        // Graph PowerShell writes enums as strings, but some exports write them as numbers: keep the text.
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } text ? text.Trim() : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw new PolicyShapeException(name, "a string"),
        };
    }

    public static string RequiredString(JsonElement item, string name) =>
        String(item, name) ?? throw new PolicyShapeException(name, "a non-empty string");

    public static IReadOnlyList<string> Strings(JsonElement item, string name)
    {
        var value = Property(item, name);
        if (value is not { } v)
        {
            return Array.Empty<string>();
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new PolicyShapeException(name, "an array of strings");
        }

        var list = new List<string>();
        foreach (var element in v.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                throw new PolicyShapeException(name, "an array of strings");
            }

            if (element.GetString() is { Length: > 0 } text)
            {
                list.Add(text.Trim());
            }
        }

        return list;
    }

    public static bool? Boolean(JsonElement item, string name)
    {
        var value = Property(item, name);
        return value switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw new PolicyShapeException(name, "true or false"),
        };
    }

    public static int? Integer(JsonElement item, string name)
    {
        var value = Property(item, name);
        if (value is not { } v)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var number) ? number : throw new PolicyShapeException(name, "a whole number");
    }

    public static DateTimeOffset? Date(JsonElement item, string name)
    {
        var text = String(item, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw new PolicyShapeException(name, "an ISO 8601 date");
    }

    /// <summary>Graph's multi-valued enums come as one comma-separated string (guestOrExternalUserTypes).</summary>
    public static string? Joined(IEnumerable<string> values)
    {
        var list = values.Where(v => v.Length > 0).ToList();
        return list.Count == 0 ? null : string.Join(",", list);
    }
}

/// <summary>A field of a policy record has a JSON kind the reader cannot use.</summary>
internal sealed class PolicyShapeException : Exception
{
    public PolicyShapeException()
    {
    }

    public PolicyShapeException(string message)
        : base(message)
    {
    }

    public PolicyShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyShapeException(string field, string expected, bool describe = true)
        : base(describe ? "field '" + field + "': expected " + expected + "." : field)
    {
    }
}
