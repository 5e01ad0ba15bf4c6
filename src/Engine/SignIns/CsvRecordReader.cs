using System;
using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// RFC 4180 records from a TextReader over a refilled char buffer: quoted fields with embedded line breaks and
/// doubled quotes, CRLF / LF / CR line ends, a missing final line end. Lenient where exports are sloppy: a quote
/// inside an unquoted field is kept as text, text after a closing quote is appended. The fields of the current
/// record stay valid until the next <see cref="Read"/>; nothing is allocated per field.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private readonly char _delimiter;
    private int _position;
    private int _length;
    private char[] _row = new char[4096];
    private int _rowLength;
    private int[] _fieldStarts = new int[64];
    private int[] _fieldLengths = new int[64];
    private long _nextLine = 1;
    private bool _lastFieldQuoted;

    /// <summary>Reads records from <paramref name="reader"/>, split on <paramref name="delimiter"/>: ',' by default, ';' or a tab where Excel re-saved the file (see <see cref="CsvDelimiter"/>).</summary>
    public CsvRecordReader(TextReader reader, int bufferSize = 64 * 1024, char delimiter = ',')
    {
        _reader = reader;
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

    /// <summary>A line with nothing on it (not even a quoted empty field).</summary>
    public bool IsBlankLine => FieldCount == 1 && _fieldLengths[0] == 0 && !_lastFieldQuoted;

    public ReadOnlySpan<char> this[int index] => _row.AsSpan(_fieldStarts[index], _fieldLengths[index]);

    public bool Read()
    {
        FieldCount = 0;
        _rowLength = 0;
        HasUnterminatedQuote = false;
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

    private void Append(ReadOnlySpan<char> text)
    {
        if (_rowLength + text.Length > _row.Length)
        {
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _rowLength + text.Length));
        }

        text.CopyTo(_row.AsSpan(_rowLength));
        _rowLength += text.Length;
    }

    private void AddField(int start)
    {
        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }

        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount] = _rowLength - start;
        FieldCount++;
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
