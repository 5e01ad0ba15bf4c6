using System;
using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// RFC 4180 records from a TextReader over a refilled char buffer: quoted fields with embedded line breaks and
/// doubled quotes, CRLF / LF / CR line ends, a missing final line end. Lenient where exports are sloppy: a quote
/// inside an unquoted field is kept as text, text after a closing quote is appended. The fields of the current
/// record stay valid until the next <see cref="Read"/>; nothing is allocated per field. A row is capped like a JSON
/// record (<see cref="MaxRowChars"/>): past the cap its text is scanned to its end but not kept, so one quoted cell
/// that expands to gigabytes costs no memory, and the next row is read as usual.
/// </summary>
internal sealed partial class CsvRecordReader
{
    /// <summary>64 MB of row text, as a JSON record's 64 MB buffer (<see cref="ReadAheadBuffer.MaxBytes"/>): no sign-in comes near it.</summary>
    public const int MaxRowChars = ReadAheadBuffer.MaxBytes / sizeof(char);

    /// <summary>What one field's start and length cost, in chars, counted against the cap (a row of commas is no cheaper).</summary>
    private const int FieldCost = 4;

    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private readonly char _delimiter;
    private readonly int _maxRowChars;
    private int _position;
    private int _length;
    private char[] _row = new char[4096];
    private int _rowLength;
    private int[] _fieldStarts = new int[64];
    private int[] _fieldLengths = new int[64];
    private long _nextLine = 1;
    private bool _lastFieldQuoted;
    private bool _tooLong;
    private int _nulAt = -1;

    /// <summary>Reads records from <paramref name="reader"/>, split on <paramref name="delimiter"/>: ',' by default, ';' or a tab where Excel re-saved the file (see <see cref="CsvDelimiter"/>); <paramref name="maxRowChars"/> caps one row (smaller only in tests).</summary>
    public CsvRecordReader(TextReader reader, int bufferSize = 64 * 1024, char delimiter = ',', int maxRowChars = MaxRowChars)
    {
        _reader = reader;
        _maxRowChars = maxRowChars;
        _delimiter = delimiter;
        _buffer = new char[bufferSize];
    }

    private enum End
    {
        Delimiter,
        LineEnd,
        EndOfData,
    }

    public int FieldCount { get; private set; }

    /// <summary>1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The current record ended inside a quoted field (the data ended before the closing quote).</summary>
    public bool HasUnterminatedQuote { get; private set; }

    /// <summary>
    /// The current record was longer than the cap: it was read to its end (<see cref="Line"/> is where it starts) but
    /// none of its fields were kept, and <see cref="FieldCount"/> is 0.
    /// </summary>
    public bool IsTooLong => _tooLong;

    /// <summary>NUL characters read as spaces so far (see <see cref="NulBytes"/>).</summary>
    public long NulCount { get; private set; }

    /// <summary>The current record held NUL characters (read as spaces); the first of each buffer refill is placed exactly.</summary>
    public bool HasNul { get; private set; }

    /// <summary>A line with nothing on it (not even a quoted empty field).</summary>
    public bool IsBlankLine => FieldCount == 1 && _fieldLengths[0] == 0 && !_lastFieldQuoted;

    public ReadOnlySpan<char> this[int index] => _row.AsSpan(_fieldStarts[index], _fieldLengths[index]);

    public bool Read()
    {
        FieldCount = 0;
        _rowLength = 0;
        HasUnterminatedQuote = false;
        HasNul = false;
        if (_tooLong)
        {
            // The last row reached the cap: give its buffer back rather than keep up to 64 MB for the rest of the file.
            _tooLong = false;
            _row = new char[4096];
            _fieldStarts = new int[64];
            _fieldLengths = new int[64];
        }

        if (!EnsureData())
        {
            return false;
        }

        Line = _nextLine;
        while (true)
        {
            var start = _rowLength;
            _lastFieldQuoted = false;
            if (EnsureData() && _buffer[_position] == '"')
            {
                _lastFieldQuoted = true;
                _position++;
                ReadQuoted();
            }

            var end = ReadUnquoted();
            AddField(start);
            if (end != End.Delimiter)
            {
                if (_nulAt >= 0 && _position > _nulAt)
                {
                    HasNul = true;
                    _nulAt = -1;
                }

                if (_tooLong)
                {
                    FieldCount = 0;
                }

                return true;
            }
        }
    }

    private void ReadQuoted()
    {
        while (true)
        {
            if (!EnsureData())
            {
                HasUnterminatedQuote = true;
                return;
            }

            // One scan for the closing quote and the line feeds inside the cell (lines are counted for problems).
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny('"', '\n');
            if (stop < 0 || span[stop] == '\n')
            {
                var chunk = stop < 0 ? span : span.Slice(0, stop + 1);
                Append(chunk);
                _position += chunk.Length;
                _nextLine += stop < 0 ? 0 : 1;
                continue;
            }

            Append(span.Slice(0, stop));
            _position += stop + 1;
            if (EnsureData() && _buffer[_position] == '"')
            {
                // A doubled quote is one quote character.
                Append("\"".AsSpan());
                _position++;
                continue;
            }

            return;
        }
    }

    private End ReadUnquoted()
    {
        while (true)
        {
            if (!EnsureData())
            {
                return End.EndOfData;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(_delimiter, '\n', '\r');
            if (stop < 0)
            {
                Append(span);
                _position = _length;
                continue;
            }

            Append(span.Slice(0, stop));
            _position += stop + 1;
            var c = span[stop];
            if (c == _delimiter)
            {
                return End.Delimiter;
            }

            if (c == '\r' && EnsureData() && _buffer[_position] == '\n')
            {
                _position++;
            }

            _nextLine++;
            return End.LineEnd;
        }
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        if (_nulAt >= 0)
        {
            // The buffer's first NUL was not passed at a record's end: it is in the record being read.
            HasNul = true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        NulCount += NulBytes.Scrub(_buffer.AsSpan(0, Math.Max(_length, 0)), out _nulAt);
        return _length > 0;
    }
}
