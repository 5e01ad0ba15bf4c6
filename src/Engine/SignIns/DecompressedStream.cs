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
/// <item>A ZIP entry's stored CRC-32 is checked when its data ends (the runtime inflates ZIP entries without checking
/// it, so damage that still inflates would be read as sound); gzip checks its own.</item>
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
    private readonly uint? _storedCrc32;
    private uint _runningCrc32 = Crc32.Initial;
    private long _delivered;

    /// <summary>Why the data ended early: corrupt, or over its expansion budget; null while it is sound.</summary>
    public Exception? Failure { get; private set; }

    /// <param name="inner">The decompressor; disposed with this stream.</param>
    /// <param name="what">The data, as messages name it: "gzip data", "the ZIP entry's data".</param>
    /// <param name="compressedPosition">How far the compressed input has been read, when known.</param>
    /// <param name="budget">The expansion this input may still have.</param>
    /// <param name="storedCrc32">The CRC-32 the content must have when it ends, or null when it is not checked here.</param>
    public DecompressedStream(Stream inner, string what, Func<long?> compressedPosition, ExpansionBudget budget, uint? storedCrc32)
    {
        _inner = inner;
        _what = what;
        _compressedPosition = compressedPosition;
        _budget = budget;
        _storedCrc32 = storedCrc32;
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

        if (_storedCrc32 is { } stored)
        {
            _runningCrc32 = Crc32.Update(_runningCrc32, buffer, offset, read);

            // The end of the data (a read of 0 that asked for bytes): the checksum covers all of it, so only now can it be compared.
            if (read == 0 && count > 0 && Crc32.Final(_runningCrc32) != stored)
            {
                Failure = new InvalidDataException(ChecksumMismatch(stored));
            }
        }

        return read;
    }

    private string ChecksumMismatch(uint stored) =>
        "The " + _what + " does not match its stored checksum (CRC-32 " + Crc32.Final(_runningCrc32).ToString("X8", CultureInfo.InvariantCulture)
        + ", stored " + stored.ToString("X8", CultureInfo.InvariantCulture) + ") after " + _delivered.ToString("N0", CultureInfo.InvariantCulture)
        + " bytes of content: it is damaged, so the records read from it may be damaged too. Re-create the archive from the original files.";

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
