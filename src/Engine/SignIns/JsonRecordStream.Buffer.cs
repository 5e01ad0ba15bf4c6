using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The pooled buffer: refilling it (NUL bytes read as spaces), the end of the data, and getting past malformed input.</summary>
internal sealed partial class JsonRecordStream
{
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The file's warnings: names not understood, and what was read differently from the bytes (see <see cref="InputNotes"/>).</summary>
    private void TakeWarnings()
    {
        if (_builder.UnknownNames.TakeWarning(_source, "properties") is { } warning)
        {
            _pending.Enqueue(warning);
        }

        _builder.Notes.TakeWarnings(_source, _pending);
    }

    /// <summary>Keeps the bytes from the checkpoint on, and reads more behind them (growing for a record larger than the buffer).</summary>
    private void Refill()
    {
        // Line numbers follow the bytes that move to the front of the buffer.
        if (_start > 0)
        {
            _lines.Shift(_buffer, _start);
        }

        var kept = _end - _start;
        if (!ReadAheadBuffer.Refill(_stream, ref _buffer, ref _start, ref _end, out var endOfStream, _maxRecordBytes))
        {
            OnRecordTooLarge();
            return;
        }

        _endOfStream |= endOfStream;
        var nuls = NulBytes.Scrub(_buffer.AsSpan(kept, _end - kept), out var first);
        if (nuls > 0)
        {
            _builder.Notes.NulBytes(nuls, _lines.PeekLineAt(_buffer, kept + first), null);
        }
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
    /// A record that fills the buffer at its cap. One record per line: it is reported and its line skipped (read in
    /// buffer-sized pieces and dropped, so memory stays bounded), as malformed JSON is; inside a top-level array there
    /// is no safe place to resume, so the rest of the file is not read.
    /// </summary>
    private void OnRecordTooLarge()
    {
        var size = _maxRecordBytes % (1024 * 1024) == 0
            ? (_maxRecordBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
            : _maxRecordBytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        GiveUpRecord(
            "is larger than " + size + ", which no sign-in is. ",
            "It is skipped; reading resumes at the next line that starts a record.",
            "The rest of the file is not read.");
    }

    /// <summary>Records one per line (NDJSON, pages one per line); not inside a top-level array, which is one document.</summary>
    private bool CanResumeAtNextLine => _stack.Count == 0 || _stack[0] != Container.TopArray;

    /// <summary>
    /// Malformed JSON. One record per line (NDJSON, pages one per line) lets reading resume at the next line that
    /// starts with '{'; inside a single document (a top-level array) there is no safe place to resume.
    /// </summary>
    private void OnMalformed(string detail)
    {
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = cut > 0 ? detail.Substring(0, cut) : detail;
        GiveUpRecord(
            "is not valid JSON (" + reason.TrimEnd('.') + "). ",
            "Reading resumes at the next line that starts a record.",
            "The rest of the file cannot be read reliably and is skipped.");
    }

    /// <summary>
    /// Reports the record that starts here, located on its own line, then skips to the next line that starts a
    /// record when records are one per line, else stops: inside one document there is no safe place to resume.
    /// </summary>
    private void GiveUpRecord(string what, string resumed, string stopped)
    {
        _records++;
        var at = FirstNonWhitespace(_start);
        var canResume = CanResumeAtNextLine;
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.RecordInvalid,
            _source,
            "Record " + _records.ToString(CultureInfo.InvariantCulture) + " " + what + (canResume ? resumed : stopped),
            LineOf(at < _end ? at : _start),
            _records));
        if (canResume)
        {
            // Skip from the record's own '{', not the line feed before it, or the skip would land on this record again.
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
