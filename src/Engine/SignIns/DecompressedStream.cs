using System;
using System.Globalization;
using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The output of a decompressor (gzip, a ZIP entry), made safe to read from hostile files:
/// <list type="bullet">
/// <item>Damage is reported as what it is: the runtime says "unsupported compression method" for a bad checksum or
/// corrupt deflate data; this says the data is corrupt, in which input, and after how many bytes.</item>
/// <item>The decompressor is asked for at most <see cref="ChunkSize"/> bytes a call: when it fails (a checksum is
/// only checked at the end) only that last chunk is lost, not the records of a whole 64 KB read.</item>
/// <item>Expansion is bounded (<see cref="ExpansionBudget"/>), so a decompression bomb ends with an error.</item>
/// <item>A failure ends the data (reads return 0) and is kept in <see cref="Failure"/>: the reader parses every
/// record before it, and the caller reports the failure after them.</item>
/// </list>
/// </summary>
internal sealed class DecompressedStream : ForwardReadStream
{
    public const int ChunkSize = 2048;

    private readonly Stream _inner;
    private readonly string _what;
    private readonly Func<long?> _compressedPosition;
    private readonly ExpansionBudget _budget;
    private long _delivered;

    /// <summary>Why the data ended early: corrupt, or over its expansion budget; null while it is sound.</summary>
    public Exception? Failure { get; private set; }

    /// <param name="inner">The decompressor; disposed with this stream.</param>
    /// <param name="what">The data, as messages name it: "gzip data", "the ZIP entry's data".</param>
    /// <param name="compressedPosition">How far the compressed input has been read, when known.</param>
    /// <param name="budget">The expansion this input may still have.</param>
    public DecompressedStream(Stream inner, string what, Func<long?> compressedPosition, ExpansionBudget budget)
    {
        _inner = inner;
        _what = what;
        _compressedPosition = compressedPosition;
        _budget = budget;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Failure is not null)
        {
            return 0;
        }

        int read;
        try
        {
            read = _inner.Read(buffer, offset, Math.Min(count, ChunkSize));
        }
        catch (InvalidDataException ex)
        {
            Failure = new InvalidDataException(Corrupt(), ex);
            return 0;
        }

        _delivered += read;
        if (!_budget.TryUse(read))
        {
            Failure = new InvalidDataException(_budget.Exceeded(_what));
            return 0;
        }

        return read;
    }

    private string Corrupt()
    {
        var where = "after " + _delivered.ToString("N0", CultureInfo.InvariantCulture) + " bytes of content";
        if (_compressedPosition() is { } position)
        {
            where += ", near byte " + position.ToString("N0", CultureInfo.InvariantCulture) + " of the compressed data";
        }

        return "The " + _what + " is corrupt (damaged compressed data, or a checksum that does not match) " + where + ". The records before it have been read.";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
