using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>One table of a Log Analytics query result: its columns mapped to fields, and how a row becomes a sign-in.</summary>
internal sealed class LogAnalyticsResultTable
{
    private readonly List<string> _columns = [];
    private readonly string _source;
    private readonly SignInRecordBuilder _builder;
    private SignInField[] _fields = [];
    private bool _reported;

    public LogAnalyticsResultTable(string source, StringCache strings, InputNotes notes)
    {
        _source = source;
        _builder = new SignInRecordBuilder(source, strings, FieldName, notes);
    }

    public string? Name { get; set; }

    public void ReadColumns(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            // Column objects sit at depth 1 inside the array: {"name": "TimeGenerated", "type": "datetime"}.
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1)
            {
                _columns.Add(string.Empty);
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("name"u8) && reader.Read() && _columns.Count > 0)
            {
                _columns[_columns.Count - 1] = reader.SafeGetString() ?? string.Empty;
            }
        }

        _fields = new SignInField[_columns.Count];
        var seen = new HashSet<SignInField>();
        for (var i = 0; i < _columns.Count; i++)
        {
            var field = LogAnalyticsColumns.Resolve(_columns[i]);
            if (field == SignInField.None && _columns[i].Length > 0 && !LogAnalyticsColumns.IsKnown(_columns[i]))
            {
                _builder.UnknownNames.Note(_columns[i]);
            }

            // Two columns for one field (Type and Category): the first one wins, as in a JSON row.
            _fields[i] = seen.Add(field) ? field : SignInField.None;
        }
    }

    /// <summary>Whether the rows can be sign-ins (a time and a code column); if not, says so once.</summary>
    public bool Usable(Queue<SignInReadItem> output, string source)
    {
        var hasTime = Array.IndexOf(_fields, SignInField.EventTime) >= 0 || Array.IndexOf(_fields, SignInField.CreatedDateTime) >= 0;
        var hasCode = Array.IndexOf(_fields, SignInField.ResultType) >= 0 || Array.IndexOf(_fields, SignInField.Status) >= 0;
        if ((hasTime && hasCode) || _reported)
        {
            // The table's unknown columns, said once, before its first row.
            if (hasTime && hasCode && _builder.UnknownNames.TakeWarning(source, "columns") is { } warning)
            {
                output.Enqueue(warning);
            }

            return hasTime && hasCode;
        }

        _reported = true;
        output.Enqueue(SignInProblems.Create(
            SignInProblems.FormatUnknown,
            source,
            "Table '" + (Name ?? "(unnamed)") + "' of the Log Analytics query result has no column for the sign-in time or the error code (expected TimeGenerated or CreatedDateTime, and ResultType or Status); its rows are skipped. "
                + "Columns seen: " + (_columns.Count == 0 ? "(none: 'columns' must come before 'rows')" : string.Join(", ", _columns)) + "."));
        return false;
    }

    public void ReadRow(ReadOnlySpan<byte> json, long record, Queue<SignInReadItem> output)
    {
        var builder = _builder;
        builder.Begin(record, 0, null);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var field = index < _fields.Length ? _fields[index] : SignInField.None;
            index++;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (field != SignInField.None)
                    {
                        builder.SetText(field, Utf8Text.Decode(json.Slice(start, (int)reader.BytesConsumed - start)).AsSpan());
                    }

                    break;
                case JsonTokenType.String when field != SignInField.None:
                    builder.SetText(field, reader.SafeGetString().AsSpan());
                    break;
                case JsonTokenType.Number when field != SignInField.None:
                    builder.SetText(field, Utf8Text.Decode(reader.ValueSpan).AsSpan());
                    break;
                case JsonTokenType.True when field != SignInField.None:
                    builder.SetText(field, "true".AsSpan());
                    break;
                case JsonTokenType.False when field != SignInField.None:
                    builder.SetText(field, "false".AsSpan());
                    break;
            }
        }

        if (index != _fields.Length)
        {
            output.Enqueue(SignInProblems.Create(
                SignInProblems.RecordInvalid,
                _source,
                "Row " + record.ToString(CultureInfo.InvariantCulture) + " has " + index.ToString(CultureInfo.InvariantCulture) + " cells where the table has "
                    + _fields.Length.ToString(CultureInfo.InvariantCulture) + " columns; the cells that line up with the columns are still read.",
                record: record));
        }

        builder.Complete(output);
    }

    private string FieldName(SignInField field)
    {
        var index = Array.IndexOf(_fields, field);
        return index >= 0 ? _columns[index] : field.ToString();
    }
}
