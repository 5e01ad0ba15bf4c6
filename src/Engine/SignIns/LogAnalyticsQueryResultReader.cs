using System;
using System.Buffers;
using System.Collections.Generic;
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
internal sealed partial class LogAnalyticsQueryResultReader : ISignInRecordSource
{
    private const int InitialBuffer = 64 * 1024;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<SignInReadItem> _pending = new();
    private readonly StringCache _strings = new();
    private readonly InputNotes _notes = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _done;
    private JsonReaderState _state;

    private LogAnalyticsResultTable? _table;
    private bool _inRows;
    private bool _sawTables;
    private bool _warned;
    private long _records;
    private readonly bool _liveAnswer;

    /// <param name="stream">The result's JSON.</param>
    /// <param name="source">The file or page named in problems.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="liveAnswer">
    /// A live query's answer (a workspace page) rather than a saved file: no rows means nothing matched, and a partial
    /// answer's error is the caller's to act on (it resumes a cut page), so neither is a problem with the input.
    /// </param>
    public LogAnalyticsQueryResultReader(Stream stream, string source, CancellationToken cancellationToken, bool liveAnswer = false)
    {
        _liveAnswer = liveAnswer;
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
                if (!_warned)
                {
                    _warned = true;
                    _notes.TakeWarnings(_source, _pending);
                    continue;
                }

                item = default;
                return false;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            Advance();
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
                else if (_records == 0 && !_liveAnswer)
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
                _table = new LogAnalyticsResultTable(_source, _strings, _notes);
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
            case not JsonTokenType.EndArray when depth == 4 && _inRows && _table is not null:
                // A row is an array of cells; anything else in "rows" is a record that cannot be read, said so.
                if (reader.TokenType is JsonTokenType.StartObject && !reader.TrySkip())
                {
                    return false;
                }

                _records++;
                _pending.Enqueue(SignInProblems.Create(SignInProblems.RecordInvalid, _source, "Row " + _records.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the query result is " + reader.TokenType + ", not an array of cells; it is skipped.", record: _records));
                return true;
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
        var name = reader.SafeGetString();
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
        if (name == "error" && !_liveAnswer)
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

    private bool TableProperty(ref Utf8JsonReader reader, int origin, LogAnalyticsResultTable table)
    {
        var name = reader.SafeGetString();
        if (!reader.Read())
        {
            return false;
        }

        switch (name)
        {
            case "name" when reader.TokenType == JsonTokenType.String:
                table.Name = reader.SafeGetString();
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

    private bool Row(ref Utf8JsonReader reader, int origin, LogAnalyticsResultTable table)
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
}
