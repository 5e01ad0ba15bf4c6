using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The content of an input as UTF-8 bytes, whatever wraps it: gzip (magic 1F 8B, whatever the file is called),
/// a UTF-8 byte order mark (dropped: Utf8JsonReader rejects it), or UTF-16 with a byte order mark (transcoded).
/// Also keeps the first 64 KB for format detection and replays them, so a non-seekable input is read once. Gzip
/// output goes through <see cref="DecompressedStream"/>: corruption named as such, expansion bounded.
/// </summary>
internal sealed class CompressedInput : IDisposable
{
    /// <summary>How much detection sees: enough for the header row or the first records of any format.</summary>
    public const int PeekSize = 64 * 1024;

    private readonly DecompressedStream? _raw;
    private readonly DecompressedStream? _gzip;

    private CompressedInput(Stream content, byte[] prefix, int prefixOffset, int prefixLength, DecompressedStream? raw, DecompressedStream? gzip)
    {
        Content = content;
        Prefix = new ReadOnlyMemory<byte>(prefix, prefixOffset, prefixLength);
        IsGzip = gzip is not null;
        _raw = raw;
        _gzip = gzip;
    }

    /// <summary>The content from its first byte, prefix included.</summary>
    public Stream Content { get; }

    /// <summary>The first bytes of the content (up to <see cref="PeekSize"/>), without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Prefix { get; }

    /// <summary>
    /// Why the content ended early (corrupt gzip or ZIP entry data, or a decompression bomb): the content stops
    /// there, so the records before it are read, and the caller reports this after them. Null while it is sound.
    /// </summary>
    public Exception? Failure => _gzip?.Failure ?? _raw?.Failure;

    public bool IsGzip { get; }

    /// <summary>Wraps <paramref name="raw"/>; disposing the result disposes it unless <paramref name="leaveOpen"/>.</summary>
    public static CompressedInput Open(Stream raw, bool leaveOpen)
    {
        // Each layer is peeked from the one below it; what was peeked is replayed in front of that layer.
        var prefix = new byte[PeekSize];
        var count = PrefixStream.ReadAtMost(raw, prefix, PeekSize);
        var source = raw;
        var ownsSource = !leaveOpen;
        DecompressedStream? gzipped = null;
        var isGzip = count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B;
        if (isGzip)
        {
            var compressed = new CountingStream(new PrefixStream(prefix, 0, count, raw, ownsInner: ownsSource));
            var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            source = gzipped = new DecompressedStream(gzip, "gzip data", () => compressed.BytesRead, new ExpansionBudget(() => compressed.BytesRead), storedCrc32: null);
            ownsSource = true;
            prefix = new byte[PeekSize];
            count = PrefixStream.ReadAtMost(source, prefix, PeekSize);
        }

        Encoding? utf16 = null;
        if (count >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE)
        {
            utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }
        else if (count >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF)
        {
            utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        if (utf16 is not null)
        {
            source = new Utf16ToUtf8Stream(new PrefixStream(prefix, 2, count - 2, source, ownsInner: ownsSource), utf16, leaveOpen: false);
            ownsSource = true;
            prefix = new byte[PeekSize];
            count = PrefixStream.ReadAtMost(source, prefix, PeekSize);
        }

        var offset = count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF ? 3 : 0;
        var content = new PrefixStream(prefix, offset, count - offset, source, ownsInner: ownsSource);
        return new CompressedInput(content, prefix, offset, count - offset, raw as DecompressedStream, gzipped);
    }

    public void Dispose() => Content.Dispose();
}
