using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>Archives, intact and broken, built in memory or streamed to disk; deterministic for the same arguments.</summary>
internal static class HostileBytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts)
    {
        using var output = new MemoryStream();
        foreach (var part in parts)
        {
            output.Write(part);
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public static byte[] Zip(params (string Entry, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>A gzip whose trailer CRC-32 no longer matches its (intact) content.</summary>
    public static byte[] GzipWithBadCrc(byte[] content)
    {
        var gzip = Gzip(content);
        gzip[^8] ^= 0xFF;
        return gzip;
    }

    /// <summary>A gzip whose deflate data is damaged from <paramref name="fraction"/> of its length on (every 5th byte flipped).</summary>
    public static byte[] GzipWithCorruptDeflate(byte[] content, double fraction)
    {
        var gzip = Gzip(content);
        for (var i = Math.Max(10, (int)(gzip.Length * fraction)); i < gzip.Length - 8; i += 5)
        {
            gzip[i] ^= 0x55;
        }

        return gzip;
    }

    /// <summary>A ZIP whose entries' CRC-32 (local header and central directory) no longer matches their content.</summary>
    public static byte[] ZipWithBadCrc(params (string Entry, byte[] Content)[] entries)
    {
        var zip = Zip(entries);
        for (var i = 0; i + 20 < zip.Length; i++)
        {
            if (zip[i] == (byte)'P' && zip[i + 1] == (byte)'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
            {
                zip[i + 14] ^= 0xFF;
            }
            else if (zip[i] == (byte)'P' && zip[i + 1] == (byte)'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
            {
                zip[i + 16] ^= 0xFF;
            }
        }

        return zip;
    }

    /// <summary>A ZIP cut short: its central directory (at the end) is gone.</summary>
    public static byte[] Truncated(byte[] bytes, double keep) => bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray();

    /// <summary>
    /// A small gzip that expands to <paramref name="fillerBytes"/> of <paramref name="filler"/> between a prefix and a
    /// suffix, written streaming: gzip members concatenate (RFC 1952), so one 64 MB member compressed once is copied
    /// as often as needed, and a multi-gigabyte expansion costs a few megabytes and well under a second to write.
    /// </summary>
    public static void WriteGzipBomb(string path, byte[] prefix, byte filler, long fillerBytes, byte[] suffix)
    {
        const int Block = 64 * 1024 * 1024;
        var block = new byte[Block];
        block.AsSpan().Fill(filler);
        var member = Gzip(block);
        using var file = File.Create(path);
        file.Write(Gzip(prefix));
        for (var left = fillerBytes; left > 0; left -= Block)
        {
            file.Write(left >= Block ? member : Gzip(block.AsSpan(0, (int)left).ToArray()));
        }

        file.Write(Gzip(suffix));
    }

    /// <summary>A ZIP with one deflated entry of <paramref name="fillerBytes"/> between a prefix and a suffix, streamed.</summary>
    public static void WriteZipBomb(string path, string entryName, byte[] prefix, byte filler, long fillerBytes, byte[] suffix)
    {
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill(filler);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        entry.Write(prefix);
        for (var left = fillerBytes; left > 0; left -= chunk.Length)
        {
            entry.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }

        entry.Write(suffix);
    }
}
