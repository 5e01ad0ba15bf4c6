using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// A ZIP archive of sign-in logs (the admin center's download, storage exports someone zipped): every entry is read
/// as its own input, named <c>archive.zip!folder/entry.json</c> in problems and sign-in sources, so one unsupported
/// or broken entry is reported and the others are still read. Entries may be gzip-compressed too.
/// </summary>
internal static class ZipSignInArchive
{
    /// <summary>The local file header signature PK\x03\x04 every non-empty ZIP starts with, or PK\x05\x06 (an empty archive is only its end record).</summary>
    public static bool IsZip(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= 4 && prefix[0] == (byte)'P' && prefix[1] == (byte)'K' && ((prefix[2] == 3 && prefix[3] == 4) || (prefix[2] == 5 && prefix[3] == 6));

    /// <summary>True when the stream starts with a ZIP signature; the position is restored (the stream must be seekable).</summary>
    public static bool StartsWithZip(Stream seekable)
    {
        var start = seekable.Position;
        var magic = new byte[4];
        var count = PrefixStream.ReadAtMost(seekable, magic, magic.Length);
        seekable.Position = start;
        return IsZip(magic.AsSpan(0, count));
    }

    /// <summary>
    /// Reads each file entry with <paramref name="readEntry"/> (entry stream, entry source name). A non-seekable
    /// <paramref name="archive"/> is buffered in memory by ZipArchive: its directory is at the end. The archive is
    /// disposed when the enumeration ends.
    /// </summary>
    public static IEnumerable<SignInReadItem> Read(
        Stream archive,
        string source,
        Action<string>? onEntry,
        Func<Stream, string, IEnumerable<SignInReadItem>> readEntry,
        CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            archive.Dispose();
            return [SignInProblems.Create(SignInProblems.Unreadable, source, "The ZIP archive cannot be read: " + ex.Message)];
        }

        return Entries(zip, source, onEntry, readEntry, cancellationToken);
    }

    private static IEnumerable<SignInReadItem> Entries(
        ZipArchive zip,
        string source,
        Action<string>? onEntry,
        Func<Stream, string, IEnumerable<SignInReadItem>> readEntry,
        CancellationToken cancellationToken)
    {
        using (zip)
        {
            var files = 0;
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Folders are entries too (a name ending in '/'), with nothing to read.
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal) || entry.FullName.EndsWith("\\", StringComparison.Ordinal))
                {
                    continue;
                }

                files++;
                var name = source + "!" + entry.FullName;
                onEntry?.Invoke(name);
                Stream content;
                SignInReadItem? failure = null;
                try
                {
                    content = entry.Open();
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
                {
                    content = Stream.Null;
                    failure = SignInProblems.Create(SignInProblems.Unreadable, name, "The archive entry cannot be read: " + ex.Message);
                }

                if (failure is { } unreadable)
                {
                    yield return unreadable;
                    continue;
                }

                foreach (var item in readEntry(content, name))
                {
                    yield return item;
                }
            }

            if (files == 0)
            {
                yield return SignInProblems.Create(SignInProblems.LogEmpty, source, "The ZIP archive holds no files: it holds no sign-ins.");
            }
        }
    }
}
