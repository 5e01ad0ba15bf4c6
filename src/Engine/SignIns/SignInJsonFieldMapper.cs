using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Maps JSON straight into a <see cref="SignInEvent"/> with Utf8JsonReader: no DOM, no string for a property name or
/// an unknown value. Shared by every JSON format: a Graph signIn, the diagnostic archive's envelope and its
/// <c>properties</c>, and Log Analytics rows (whose dynamic columns hold the same camelCase objects, nested or as
/// JSON in a string). Only the name table differs per format.
/// Every method returns false when the buffer ends before the value does: the caller refills and restarts the
/// whole record (records are small, so a restart is cheaper than a resumable parser for every nested object).
/// </summary>
internal static partial class SignInJsonFieldMapper
{
    /// <summary>
    /// Several top-level values (pages or records one after another). No comments or trailing commas: no source
    /// writes them, and allowing them moves Utf8JsonReader off its fast path (measured ~10% slower).
    /// </summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true };

    private static readonly string[] EmptyStrings = [];

    /// <summary>
    /// Reads an object whose property names <paramref name="names"/> maps; the reader is on its StartObject. A lean
    /// record skips what it does not take, except inside an object it takes (status is read whole). A record's own
    /// names that the table does not know are noted for the file's warning (<paramref name="noteUnknown"/>); OData
    /// annotations (@odata.type) are metadata, not fields.
    /// </summary>
    public static bool ReadObject(ref Utf8JsonReader reader, Utf8NameTable<SignInField> names, SignInRecordBuilder b, bool leanSkips = true, bool noteUnknown = true)
    {
        // The names met so far, by their slot in the table: a name met twice is a duplicate key (JSON keeps the last).
        Span<ulong> seen = stackalloc ulong[(names.SlotCount + 63) / 64];
        seen.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return true;
            }

            var name = PropertyName(ref reader);
            if (!names.TryGet(name, out var field, out var slot))
            {
                field = SignInField.None;
                if (noteUnknown && !name.IsEmpty && name[0] != (byte)'@')
                {
                    b.UnknownNames.Note(b.Strings.Get(name));
                }
            }
            else if ((seen[slot >> 6] & (1UL << slot)) != 0)
            {
                b.DuplicateName(field, b.Strings.Get(name));
            }
            else
            {
                seen[slot >> 6] |= 1UL << slot;
            }

            if (!reader.Read())
            {
                return false;
            }

            if (!(field == SignInField.None || (leanSkips && b.Skips(field)) ? reader.TrySkip() : ReadField(field, ref reader, b)))
            {
                return false;
            }
        }
    }

    /// <summary>Reads the value the reader is on into <paramref name="field"/>, as the registry's kind of the field says.</summary>
    public static bool ReadField(SignInField field, ref Utf8JsonReader reader, SignInRecordBuilder b)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            return true;
        }

        switch (SignInFieldRegistry.Of(field).Kind)
        {
            case SignInValueKind.Object:
                if (token == JsonTokenType.StartObject)
                {
                    return field == SignInField.NestedSignIn
                        ? ReadObject(ref reader, SignInJsonNames.SignIn, b)
                        : ReadObject(ref reader, SignInJsonNames.PartsOf(field), b, leanSkips: false, noteUnknown: false);
                }

                return ReadMisplaced(field, ref reader, b, "an object");

            case SignInValueKind.ObjectArray:
                if (token == JsonTokenType.StartArray)
                {
                    return ReadObjectArrayField(field, ref reader, b);
                }

                return ReadMisplaced(field, ref reader, b, "an array of objects");

            case SignInValueKind.TextList:
                if (token == JsonTokenType.StartArray)
                {
                    if (!ReadStringArray(ref reader, b, new FieldPath(b.NameOf(field)), out var values))
                    {
                        return false;
                    }

                    b.SetStringList(field, values);
                    return true;
                }

                return ReadScalar(field, ref reader, b);

            default:
                return ReadScalar(field, ref reader, b);
        }
    }

    /// <summary>JSON text (a Log Analytics dynamic column held in a string or a CSV cell), read into one field.</summary>
    public static void ReadFieldFromJsonText(SignInField field, ReadOnlySpan<byte> json, SignInRecordBuilder b)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        try
        {
            if (reader.Read() && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                ReadField(field, ref reader, b);
                return;
            }
        }
        catch (JsonException)
        {
        }

        b.InvalidValue(field, Utf8Text.Decode(json), "valid JSON (an object or an array)");
    }

    /// <summary>The raw name; unescaped (allocating) only in the rare case it has escapes.</summary>
    private static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.SafeGetString()!) : reader.ValueSpan;

    /// <summary>A scalar field: strings as strings, numbers and booleans converted where Graph has another type.</summary>
    private static bool ReadScalar(SignInField field, ref Utf8JsonReader reader, SignInRecordBuilder b)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String when IsTextField(field):
                b.SetString(field, GetString(ref reader, b.Strings, SignInRecordBuilder.IsUnique(field)));
                return true;
            case JsonTokenType.String:
            case JsonTokenType.Number:
                SetFromRawText(field, ref reader, b);
                return true;
            case JsonTokenType.True:
            case JsonTokenType.False:
                if (IsTextField(field) || SignInFieldRegistry.Of(field).Kind == SignInValueKind.Boolean)
                {
                    b.SetBoolean(field, reader.TokenType == JsonTokenType.True);
                }
                else
                {
                    b.SetText(field, reader.TokenType == JsonTokenType.True ? "true".AsSpan() : "false".AsSpan());
                }

                return true;
            default:
                b.InvalidValue(field, Describe(reader.TokenType), "a single value, not " + Describe(reader.TokenType));
                return reader.TrySkip();
        }
    }

    /// <summary>A number, or a string where Graph has a number, a date or a boolean: parsed from its text.</summary>
    private static void SetFromRawText(SignInField field, ref Utf8JsonReader reader, SignInRecordBuilder b)
    {
        var raw = reader.ValueSpan;
        if (reader.TokenType == JsonTokenType.Number && IsTextField(field))
        {
            // "Vice versa": a number where Graph has a string keeps its digits.
            b.SetString(field, b.Strings.Get(raw));
            return;
        }

        if (!reader.ValueIsEscaped && raw.Length <= 64)
        {
            Span<char> chars = stackalloc char[raw.Length];
            var ascii = true;
            for (var i = 0; i < raw.Length; i++)
            {
                ascii &= raw[i] < 0x80;
                chars[i] = (char)raw[i];
            }

            if (ascii)
            {
                b.SetText(field, chars);
                return;
            }
        }

        b.SetText(field, (reader.TokenType == JsonTokenType.String ? reader.SafeGetString() : Utf8Text.Decode(raw)).AsSpan());
    }

    /// <summary>An object or array field that got a string (JSON in a string: Log Analytics) or something else.</summary>
    private static bool ReadMisplaced(SignInField field, ref Utf8JsonReader reader, SignInRecordBuilder b, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            b.InvalidValue(field, Describe(reader.TokenType), expected);
            return reader.TrySkip();
        }

        var raw = reader.ValueSpan;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(raw.Length, 1));
        try
        {
            var length = reader.ValueIsEscaped ? reader.CopyString(buffer) : CopyTo(raw, buffer);
            var json = buffer.AsSpan(0, length);
            if (json.IsEmpty)
            {
                return true;
            }

            ReadFieldFromJsonText(field, json, b);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    private static int CopyTo(ReadOnlySpan<byte> source, byte[] destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    /// <summary>Fields whose Graph type is a string (as opposed to a number, a date, a boolean or a list).</summary>
    private static bool IsTextField(SignInField field) => SignInFieldRegistry.Of(field).Kind is not
        (SignInValueKind.Time or SignInValueKind.ErrorCode or SignInValueKind.Number or SignInValueKind.Boolean or SignInValueKind.TextList);
}
