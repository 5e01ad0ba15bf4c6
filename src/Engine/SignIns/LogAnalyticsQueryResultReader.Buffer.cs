using System;
using System.Buffers;
using System.Globalization;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The pooled buffer's refill, and what the reader reports when the input is not a query result, is cut off or is malformed.</summary>
internal sealed partial class LogAnalyticsQueryResultReader
{
    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Refill()
    {
        var kept = _end - _start;
        if (!ReadAheadBuffer.Refill(_stream, ref _buffer, ref _start, ref _end, out var endOfStream))
        {
            _pending.Enqueue(SignInProblems.Create(SignInProblems.RecordInvalid, _source, "Row " + (_records + 1).ToString(CultureInfo.InvariantCulture) + " is larger than 64 MB, which no sign-in is; the rest of the file is not read.", record: _records + 1));
            _done = true;
            return;
        }

        _endOfStream |= endOfStream;
        var nuls = NulBytes.Scrub(_buffer.AsSpan(kept, _end - kept), out _);
        if (nuls > 0)
        {
            // Read ahead of the rows, and lines are not counted here: the warning gives the count, not the place.
            _notes.NulBytes(nuls, null, null);
        }
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
}
