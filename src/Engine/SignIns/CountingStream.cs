using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Counts the bytes read through it: how far a decompressor has read its compressed input.</summary>
internal sealed class CountingStream : ForwardReadStream
{
    private readonly Stream _inner;

    public CountingStream(Stream inner)
    {
        _inner = inner;
    }

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
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
