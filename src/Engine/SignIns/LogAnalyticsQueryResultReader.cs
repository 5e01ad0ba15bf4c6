using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The Log Analytics query API's result, as the REST API, <c>az rest</c> and Invoke-AzOperationalInsightsQuery's raw
/// response return it: <c>{"tables":[{"name":"PrimaryResult","columns":[{"name":…,"type":…}],"rows":[[…],…]}]}</c>.
/// Each row is a sign-in whose cells line up with the columns; columns are mapped by name through
/// <see cref="LogAnalyticsColumns"/>, and cells go through <see cref="SignInRecordBuilder.SetText"/> like CSV cells
/// (dynamic columns arrive as JSON text or as nested JSON). Streamed: the envelope is walked token by token over one
/// buffer with a checkpoint after every complete token, and a row is taken whole only once all its bytes are in, so
/// memory is bounded by the largest row.
/// </summary>
internal sealed class LogAnalyticsQueryResultReader : ISignInRecordSource
{
    private const int InitialBuffer = 64 * 1024;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<SignInReadItem> _pending = new();
    private readonly StringCache _strings = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _done;
    private JsonReaderState _state;

    private Table? _table;
    private bool _inRows;
    private bool _sawTables;
    private long _records;

    public LogAnalyticsQueryResultReader(Stream stream, string source, CancellationToken cancellationToken)
    {
        _stream = stream;
        _source = source;
        _cancellationToken = cancellationToken;
    }

    public bool TryRead(out SignInReadItem item)
    {
        while (true)
        {
            if (_pending.Count > 0)
            {
                item = _pending.Dequeue();
                return true;
            }

            if (_done)
            {
                item = default;
                return false;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            Advance();
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Reads tokens until a row produced output, the data ran out (refill), or the document ended.</summary>
    private void Advance()
    {
        var origin = _start;
        // Never the final block: the document is complete only when the root object closes, so running out of data
        // before that is reported as a cut-off file rather than as malformed JSON.
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), isFinalBlock: false, _state);
        var needMore = false;
        try
        {
            while (_pending.Count == 0 && !_done)
            {
                var checkpoint = reader;
                if (!Step(ref reader, origin))
                {
                    reader = checkpoint;
                    needMore = true;
                    break;
                }
            }
        }
        catch (JsonException ex)
        {
            Malformed(ex.Message);
            return;
        }

        _start = origin + (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (!needMore)
        {
            return;
        }

        if (_endOfStream)
        {
            Truncated();
            return;
        }

        Refill();
    }

    /// <summary>One token, or one property with its value; false when its bytes are not all in the buffer yet.</summary>
    private bool Step(ref Utf8JsonReader reader, int origin)
    {
        if (!reader.Read())
        {
            return false;
        }

        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when depth == 0:
            case JsonTokenType.StartArray when depth == 1:
                return true;
            case JsonTokenType.EndArray when depth == 1:
                return true;
            case JsonTokenType.EndObject when depth == 0:
                _done = true;
                if (!_sawTables)
                {
                    NotAQueryResult("has no \"tables\" array");
                }
                else if (_records == 0)
                {
                    _pending.Enqueue(SignInProblems.Create(SignInProblems.LogEmpty, _source, "The Log Analytics query result holds no rows: it holds no sign-ins."));
                }

                return true;
            case not JsonTokenType.PropertyName when depth == 0:
                // -Format LogAnalyticsQueryResult forced on something else, such as a JSON array of records.
                _done = true;
                NotAQueryResult("starts with " + reader.TokenType + " instead of an object");
                return true;
            case JsonTokenType.StartObject when depth == 2:
                _table = new Table(_source, _strings);
                return true;
            case JsonTokenType.EndObject when depth == 2:
                _table = null;
                return true;
            case JsonTokenType.PropertyName when depth == 1:
                return RootProperty(ref reader, origin);
            case JsonTokenType.PropertyName when depth == 3 && _table is not null:
                return TableProperty(ref reader, origin, _table);
            case JsonTokenType.StartArray when depth == 4 && _inRows && _table is not null:
                return Row(ref reader, origin, _table);
            case JsonTokenType.EndArray when depth == 3:
                _inRows = false;
                return true;
            default:
                // Anything else in a table or the tables array: a value we do not use; skip it whole.
                return reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();
        }
    }

    private bool RootProperty(ref Utf8JsonReader reader, int origin)
    {
        var name = reader.GetString();
        if (!reader.Read())
        {
            return false;
        }

        if (name == "tables" && reader.TokenType == JsonTokenType.StartArray)
        {
            _sawTables = true;
            return true;
        }

        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        // A query that fails part-way still answers 200 with the rows so far and an "error" object.
        if (name == "error")
        {
            var text = Encoding.UTF8.GetString(_buffer, origin + start, (int)reader.BytesConsumed - start);
            _pending.Enqueue(SignInProblems.Create(
                SignInProblems.RecordInvalid,
                _source,
                "The Log Analytics query reported an error, so its result may be partial: " + SignInProblems.Show(text) + ".",
                field: "error"));
        }

        return true;
    }

    private bool TableProperty(ref Utf8JsonReader reader, int origin, Table table)
    {
        var name = reader.GetString();
        if (!reader.Read())
        {
            return false;
        }

        switch (name)
        {
            case "name" when reader.TokenType == JsonTokenType.String:
                table.Name = reader.GetString();
                return true;
            case "rows" when reader.TokenType == JsonTokenType.StartArray:
                _inRows = table.Usable(_pending, _source);
                return _inRows || reader.TrySkip();
            case "columns" when reader.TokenType == JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                table.ReadColumns(new ReadOnlySpan<byte>(_buffer, origin + start, (int)reader.BytesConsumed - start));
                return true;
            default:
                return reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();
        }
    }

    private bool Row(ref Utf8JsonReader reader, int origin, Table table)
    {
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        _records++;
        table.ReadRow(new ReadOnlySpan<byte>(_buffer, origin + start, (int)reader.BytesConsumed - start), _records, _pending);
        return true;
    }

    private void Refill()
    {
        if (!ReadAheadBuffer.Refill(_stream, ref _buffer, ref _start, ref _end, out var endOfStream))
        {
            _pending.Enqueue(SignInProblems.Create(SignInProblems.RecordInvalid, _source, "Row " + (_records + 1).ToString(CultureInfo.InvariantCulture) + " is larger than 64 MB, which no sign-in is; the rest of the file is not read.", record: _records + 1));
            _done = true;
            return;
        }

        _endOfStream |= endOfStream;
    }

    private void NotAQueryResult(string what) =>
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.FormatUnknown,
            _source,
            "The input " + what + ", so it is not a Log Analytics query result ({\"tables\":[{\"name\":…,\"columns\":[…],\"rows\":[…]}]}). " + SignInFormatDetector.KnownFormats));

    /// <summary>The data ended before the root object closed.</summary>
    private void Truncated()
    {
        _done = true;
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.Truncated,
            _source,
            "The Log Analytics query result ends in the middle of row " + (_records + 1).ToString(CultureInfo.InvariantCulture) + " or of its envelope: the file is cut off. The "
                + _records.ToString(CultureInfo.InvariantCulture) + " rows before it were read.",
            record: _records + 1));
    }

    private void Malformed(string detail)
    {
        _done = true;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.RecordInvalid,
            _source,
            "The Log Analytics query result is not valid JSON after row " + _records.ToString(CultureInfo.InvariantCulture) + " (" + (cut > 0 ? detail.Substring(0, cut) : detail).TrimEnd('.')
                + "); the rest of the file cannot be read reliably and is skipped.",
            record: _records + 1));
    }

    /// <summary>One result table: its columns mapped to fields, and how a row becomes a sign-in.</summary>
    private sealed class Table
    {
        private readonly List<string> _columns = [];
        private readonly string _source;
        private readonly SignInRecordBuilder _builder;
        private SignInField[] _fields = [];
        private bool _reported;

        public Table(string source, StringCache strings)
        {
            _source = source;
            _builder = new SignInRecordBuilder(source, strings, FieldName);
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
                    _columns[_columns.Count - 1] = reader.GetString() ?? string.Empty;
                }
            }

            _fields = new SignInField[_columns.Count];
            var seen = new HashSet<SignInField>();
            for (var i = 0; i < _columns.Count; i++)
            {
                var field = LogAnalyticsColumns.Resolve(_columns[i]);

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
                        builder.SetText(field, reader.GetString().AsSpan());
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
}
