using System.Globalization;
using System.Text.Json;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Tells a record from the layout around it (a page, a wrapper, an array), and maps each record.</summary>
internal sealed partial class JsonRecordStream
{
    private enum ObjectKind
    {
        Record,
        Wrapper,
        Incomplete,
    }

    /// <summary>
    /// An object at the top: a wrapper if its first real property is "value"/"records" holding an array, or it has
    /// only annotations (an empty page); otherwise a record (a single signIn GET response starts with @odata.context
    /// too). Nothing is committed for a record, so the caller re-reads it from the '{'.
    /// </summary>
    private ObjectKind ClassifyObject(ref Utf8JsonReader reader, int origin)
    {
        var annotations = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return ObjectKind.Incomplete;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if (annotations == 0)
                {
                    return ObjectKind.Record;
                }

                Commit(ref reader, origin);
                return ObjectKind.Wrapper;
            }

            if (reader.ValueSpan.Length > 0 && reader.ValueSpan[0] == (byte)'@')
            {
                annotations++;
                if (!reader.Read() || !reader.TrySkip())
                {
                    return ObjectKind.Incomplete;
                }

                continue;
            }

            if (!IsRecordsProperty(ref reader))
            {
                return ObjectKind.Record;
            }

            if (!reader.Read())
            {
                return ObjectKind.Incomplete;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return ObjectKind.Record;
            }

            _stack.Add(Container.Wrapper);
            Push(ref reader, origin, Container.RecordArray);
            return ObjectKind.Wrapper;
        }
    }

    private static bool IsRecordsProperty(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("value"u8) || reader.ValueTextEquals("records"u8);

    private Step MapRecord(ref Utf8JsonReader reader, int origin)
    {
        var position = origin + (int)reader.TokenStartIndex;
        var recordStart = reader;
        _builder.Begin(_records + 1, position, this, _scope.IsLean);
        if (!SignInJsonFieldMapper.ReadObject(ref reader, _recordNames, _builder))
        {
            return Step.NeedMore;
        }

        if (_builder.NeedsWhole(_scope))
        {
            // A failure the caller classifies: read it again whole. It is all in the buffer, so this cannot run out.
            reader = recordStart;
            _builder.Begin(_records + 1, position, this);
            SignInJsonFieldMapper.ReadObject(ref reader, _recordNames, _builder);
        }

        _records++;
        _builder.Complete(_pending);
        Commit(ref reader, origin);
        return Step.Produced;
    }

    /// <summary>An element where a record belongs that is not an object (a number, a string, an array).</summary>
    private Step NotARecord(ref Utf8JsonReader reader, int origin)
    {
        var position = origin + (int)reader.TokenStartIndex;
        var token = reader.TokenType;
        if (!reader.TrySkip())
        {
            return Step.NeedMore;
        }

        _records++;
        var what = token switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.RecordInvalid,
            _source,
            "Record " + _records.ToString(CultureInfo.InvariantCulture) + " is " + what + "; expected a sign-in object ({…}). It is skipped.",
            LineOf(position),
            _records));
        Commit(ref reader, origin);
        return Step.Produced;
    }
}
