using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

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
internal sealed partial class JsonRecordStream : ISignInRecordSource, IRecordLocator
{
    private const int InitialBufferSize = 128 * 1024;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly Utf8NameTable<SignInField> _recordNames;
    private readonly SignInRecordBuilder _builder;
    private readonly RecordScope _scope;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxRecordBytes;
    private readonly Queue<SignInReadItem> _pending = new();
    private readonly Utf8LineCounter _lines = new();
    private readonly List<Container> _stack = [];

    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _done;
    private bool _skippingToNextLine;
    private bool _warned;
    private JsonReaderState _state = new(SignInJsonFieldMapper.ReaderOptions);
    private long _records;

    /// <summary><paramref name="maxRecordBytes"/> caps the buffer, so one record (smaller only in tests).</summary>
    public JsonRecordStream(Stream stream, string source, Utf8NameTable<SignInField> recordNames, Func<SignInField, string> fieldName, RecordScope scope, CancellationToken cancellationToken, int maxRecordBytes = ReadAheadBuffer.MaxBytes)
    {
        _maxRecordBytes = maxRecordBytes;
        _scope = scope;
        _stream = stream;
        _source = source;
        _recordNames = recordNames;
        _cancellationToken = cancellationToken;
        _builder = new SignInRecordBuilder(source, new StringCache(), fieldName);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxRecordBytes));
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
                if (!_warned)
                {
                    // Whether the file ended or reading stopped early: what was read silently differently is said.
                    _warned = true;
                    TakeWarnings();
                    continue;
                }

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
}
