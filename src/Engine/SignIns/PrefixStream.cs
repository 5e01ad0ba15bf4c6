using System;
using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Replays bytes already taken from a stream, then continues with the stream. Lets format detection (and the gzip
/// and BOM checks) look at the start of a non-seekable input (an HTTP body, a GZipStream) without losing it.
/// </summary>
internal sealed class PrefixStream : ForwardReadStream
{
    private readonly byte[] _prefix;
    private readonly Stream _inner;
    private readonly bool _ownsInner;
    private int _offset;
    private readonly int _count;

    public PrefixStream(byte[] prefix, int offset, int count, Stream inner, bool ownsInner)
    {
        _prefix = prefix;
        _offset = offset;
        _count = offset + count;
        _inner = inner;
        _ownsInner = ownsInner;
    }

    /// <summary>Reads until <paramref name="count"/> bytes or the end: Stream.Read may return less at any time.</summary>
    public static int ReadAtMost(Stream stream, byte[] buffer, int count)
    {
        var total = 0;
        while (total < count)
        {
            var read = stream.Read(buffer, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset < _count)
        {
            var n = Math.Min(count, _count - _offset);
            Buffer.BlockCopy(_prefix, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        return _inner.Read(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
