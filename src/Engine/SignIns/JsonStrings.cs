using System;
using System.Buffers;
using System.Text.Json;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// A JSON string's value even when its bytes are not UTF-8: Utf8JsonReader.GetString throws then, which would end the
/// whole read; the value is decoded with U+FFFD instead, as the rest of the readers do (and the file's warning says).
/// </summary>
internal static class JsonStrings
{
    public static string? SafeGetString(this ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            return Utf8Text.Decode(raw);
        }
    }
}
