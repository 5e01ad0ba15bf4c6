using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>A reader of one input: yields items one at a time, so the caller can stream them.</summary>
internal interface ISignInRecordSource : IDisposable
{
    bool TryRead(out SignInReadItem item);
}

/// <summary>
/// Finds sign-in records in any JSON layout the sources use and maps each one as it is reached, over one pooled
/// buffer refilled from the stream (memory is bounded by the largest record, not the file):
/// a Graph page <c>{"@odata.context":…,"value":[…],"@odata.nextLink":…}</c>, pages one after another or one per line,
/// an array of pages, a plain array of records (admin center download, Log Analytics rows, Panther events),
/// one record per line, and the Event Hub / storage <c>{"records":[…]}</c> wrapper.
/// The envelope is walked token by token with Utf8JsonReader and a checkpoint (reader state + offset) after every
/// token, so a refill resumes exactly there; a record that runs past the buffer end is re-read from its start after
/// the refill. What a record is made of is the caller's name table (Graph, diagnostic envelope, Log Analytics).
/// </summary>
internal sealed class JsonRecordStream : ISignInRecordSource, IRecordLocator
{
    private const int InitialBufferSize = 128 * 1024;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly Utf8NameTable<SignInField> _recordNames;
    private readonly SignInRecordBuilder _builder;
    private readonly RecordScope _scope;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<SignInReadItem> _pending = new();
    private readonly Utf8LineCounter _lines = new();
    private readonly List<Container> _stack = [];

    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _done;
    private bool _skippingToNextLine;
    private JsonReaderState _state = new(SignInJsonFieldMapper.ReaderOptions);
    private long _records;

    public JsonRecordStream(Stream stream, string source, Utf8NameTable<SignInField> recordNames, Func<SignInField, string> fieldName, RecordScope scope, CancellationToken cancellationToken)
    {
        _scope = scope;
        _stream = stream;
        _source = source;
        _recordNames = recordNames;
        _cancellationToken = cancellationToken;
        _builder = new SignInRecordBuilder(source, new StringCache(), fieldName);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>What the walker is inside of. Records sit in a top-level sequence, a top array, or a wrapper's array.</summary>
    private enum Container : byte
    {
        TopArray,
        Wrapper,
        RecordArray,
    }

    private enum Step
    {
        Produced,
        NeedMore,
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
            if (_skippingToNextLine)
            {
                SkipToNextLine();
                continue;
            }

            Step step;
            try
            {
                step = Advance();
            }
            catch (JsonException ex)
            {
                OnMalformed(ex.Message);
                continue;
            }
            catch (InvalidOperationException ex)
            {
                // GetString on bytes that are not UTF-8.
                OnMalformed(ex.Message);
                continue;
            }

            if (step == Step.NeedMore)
            {
                if (_endOfStream)
                {
                    OnEndOfData();
                }
                else
                {
                    Refill();
                }
            }
        }
    }

    public long? LineOf(int recordPosition) => _lines.LineAt(_buffer, recordPosition);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks from the checkpoint until a record (or a problem) is produced or the buffer runs out.</summary>
    private Step Advance()
    {
        var origin = _start;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        while (true)
        {
            if (!reader.Read())
            {
                return Step.NeedMore;
            }

            var token = reader.TokenType;
            var inside = _stack.Count == 0 ? (Container?)null : _stack[_stack.Count - 1];
            switch (inside)
            {
                case Container.Wrapper:
                    if (token == JsonTokenType.EndObject)
                    {
                        Pop(ref reader, origin);
                        continue;
                    }

                    // A property of a page or records wrapper: "value"/"records" hold the records, the rest is skipped.
                    var holdsRecords = IsRecordsProperty(ref reader);
                    if (!reader.Read())
                    {
                        return Step.NeedMore;
                    }

                    if (holdsRecords && reader.TokenType == JsonTokenType.StartArray)
                    {
                        Push(ref reader, origin, Container.RecordArray);
                        continue;
                    }

                    if (!reader.TrySkip())
                    {
                        return Step.NeedMore;
                    }

                    Commit(ref reader, origin);
                    continue;

                case Container.RecordArray:
                    if (token == JsonTokenType.EndArray)
                    {
                        Pop(ref reader, origin);
                        continue;
                    }

                    return token == JsonTokenType.StartObject ? MapRecord(ref reader, origin) : NotARecord(ref reader, origin);

                default:
                    // Top level or inside a top-level array: a page / wrapper, or a record itself.
                    if (token == JsonTokenType.StartObject)
                    {
                        var decision = ClassifyObject(ref reader, origin);
                        if (decision != ObjectKind.Record)
                        {
                            if (decision == ObjectKind.Incomplete)
                            {
                                return Step.NeedMore;
                            }

                            continue;
                        }

                        // Rewind to the checkpoint before '{' and map the object as a record.
                        origin = _start;
                        reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
                        reader.Read();
                        return MapRecord(ref reader, origin);
                    }

                    if (token == JsonTokenType.StartArray && inside is null)
                    {
                        Push(ref reader, origin, Container.TopArray);
                        continue;
                    }

                    if (token == JsonTokenType.EndArray && inside == Container.TopArray)
                    {
                        Pop(ref reader, origin);
                        continue;
                    }

                    return NotARecord(ref reader, origin);
            }
        }
    }

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

    private void Push(ref Utf8JsonReader reader, int origin, Container container)
    {
        _stack.Add(container);
        Commit(ref reader, origin);
    }

    private void Pop(ref Utf8JsonReader reader, int origin)
    {
        _stack.RemoveAt(_stack.Count - 1);
        Commit(ref reader, origin);
    }

    private void Commit(ref Utf8JsonReader reader, int origin)
    {
        _start = origin + (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Keeps the bytes from the checkpoint on, and reads more behind them (growing for a record larger than the buffer).</summary>
    private void Refill()
    {
        // Line numbers follow the bytes that move to the front of the buffer.
        if (_start > 0)
        {
            _lines.Shift(_buffer, _start);
        }

        if (!ReadAheadBuffer.Refill(_stream, ref _buffer, ref _start, ref _end, out var endOfStream))
        {
            _pending.Enqueue(SignInProblems.Create(
                SignInProblems.RecordInvalid,
                _source,
                "Record " + (_records + 1).ToString(CultureInfo.InvariantCulture) + " is larger than 64 MB, which no sign-in is; the rest of the file is not read.",
                LineOf(0),
                _records + 1));
            _done = true;
            return;
        }

        _endOfStream |= endOfStream;
    }

    /// <summary>The data ended while the reader wanted more: the end of the input, or a cut-off file.</summary>
    private void OnEndOfData()
    {
        _done = true;
        var rest = FirstNonWhitespace(_start);
        if (_stack.Count == 0 && rest == _end)
        {
            return;
        }

        var line = LineOf(rest < _end ? rest : _start);
        var open = _stack.Count > 0 && _stack[_stack.Count - 1] == Container.RecordArray ? "inside the array of records" : "inside a JSON value";
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.Truncated,
            _source,
            "The JSON ends " + open + ", in the middle of record " + (_records + 1).ToString(CultureInfo.InvariantCulture)
                + ": the file is cut off. The " + _records.ToString(CultureInfo.InvariantCulture) + " records before it were read.",
            line,
            _records + 1));
    }

    /// <summary>
    /// Malformed JSON. One record per line (NDJSON, pages one per line) lets reading resume at the next line that
    /// starts with '{'; inside a single document (a top-level array) there is no safe place to resume.
    /// </summary>
    private void OnMalformed(string detail)
    {
        _records++;
        var at = FirstNonWhitespace(_start);
        var line = LineOf(at < _end ? at : _start);
        var canResume = _stack.Count == 0 || _stack[0] != Container.TopArray;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = cut > 0 ? detail.Substring(0, cut) : detail;
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.RecordInvalid,
            _source,
            "Record " + _records.ToString(CultureInfo.InvariantCulture) + " is not valid JSON (" + reason.TrimEnd('.') + "). "
                + (canResume ? "Reading resumes at the next line that starts a record." : "The rest of the file cannot be read reliably and is skipped."),
            line,
            _records));
        if (canResume)
        {
            _start = at;
            _skippingToNextLine = true;
        }
        else
        {
            _done = true;
        }
    }

    /// <summary>After malformed JSON in line-per-record input: drops bytes up to the next line that starts with '{'.</summary>
    private void SkipToNextLine()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var i = 0;
        while (true)
        {
            var newline = span.Slice(i).IndexOf((byte)'\n');
            if (newline < 0)
            {
                _start = _end;
                break;
            }

            var lineStart = i + newline + 1;
            if (lineStart >= span.Length)
            {
                // Keep the line feed: what follows it is not read yet.
                _start += lineStart - 1;
                break;
            }

            if (span[lineStart] == (byte)'{')
            {
                _start += lineStart;
                _state = new JsonReaderState(SignInJsonFieldMapper.ReaderOptions);
                _stack.Clear();
                _skippingToNextLine = false;
                return;
            }

            i = lineStart;
        }

        if (_endOfStream)
        {
            _done = true;
        }
        else
        {
            Refill();
        }
    }

    /// <summary>Where the next value starts after a checkpoint: past whitespace and the separating comma.</summary>
    private int FirstNonWhitespace(int from)
    {
        var i = from;
        while (i < _end && _buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',')
        {
            i++;
        }

        return i;
    }
}
