using System.Collections.Generic;
using System.Text.Json;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Strings and string arrays inside the signIn's values, and how a wrong value is named in its problem.</summary>
internal static partial class SignInJsonFieldMapper
{
    /// <summary>A string inside a nested object; numbers and booleans keep their text; "" is no value.</summary>
    private static bool TryReadString(ref Utf8JsonReader reader, SignInRecordBuilder b, FieldPath path, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = GetString(ref reader, b.Strings, unique: false);
                if (value.Length == 0)
                {
                    value = null;
                }

                return true;
            case JsonTokenType.Number:
                value = b.Strings.Get(reader.ValueSpan);
                return true;
            case JsonTokenType.True:
            case JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True ? "true" : "false";
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return SkipInvalid(ref reader, b, path, "a string");
        }
    }

    private static bool ReadStringArray(ref Utf8JsonReader reader, SignInRecordBuilder b, FieldPath path, out IReadOnlyList<string> values)
    {
        values = EmptyStrings;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null || SkipInvalid(ref reader, b, path, "an array of strings");
        }

        List<string>? list = null;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                if (list is not null)
                {
                    values = list;
                }

                return true;
            }

            if (!TryReadString(ref reader, b, path, out var item))
            {
                return false;
            }

            if (item is not null)
            {
                (list ??= []).Add(item);
            }
        }
    }

    private static bool SkipInvalid(ref Utf8JsonReader reader, SignInRecordBuilder b, FieldPath path, string expected)
    {
        var shown = reader.TokenType == JsonTokenType.String ? reader.SafeGetString() : Describe(reader.TokenType);
        b.InvalidValue(path.ToString(), shown, expected);
        return reader.TrySkip();
    }

    private static string GetString(ref Utf8JsonReader reader, StringCache cache, bool unique)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.SafeGetString()!;
        }

        return unique ? Utf8Text.Decode(reader.ValueSpan) : cache.Get(reader.ValueSpan);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    /// <summary>A field's name for a problem ("authenticationDetails.succeeded"), built only when a problem needs it.</summary>
    private readonly struct FieldPath
    {
        private readonly string _prefix;
        private readonly NestedName? _name;

        public FieldPath(string prefix, NestedName? name = null)
        {
            _prefix = prefix;
            _name = name;
        }

        public override string ToString() => _name is { } name ? _prefix + "." + SignInJsonNames.Nested.NameOf(name) : _prefix;
    }
}
