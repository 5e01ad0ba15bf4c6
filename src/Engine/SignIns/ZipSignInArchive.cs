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
/// or broken entry is reported and the others are still read. Entries may be gzip-compressed too. What the entries
/// expand to is bounded (<see cref="ExpansionBudget"/>), and so is an archive held in memory.
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
            if (!archive.CanSeek)
            {
                var buffered = BufferAtMost(archive, MaxBufferedBytes);
                archive.Dispose();
                if (buffered is null)
                {
                    return [SignInProblems.Create(SignInProblems.Unreadable, source, TooLargeToBuffer)];
                }

                archive = buffered;
            }

            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            archive.Dispose();
            return [SignInProblems.Create(SignInProblems.Unreadable, source, "The ZIP archive cannot be read: " + ex.Message)];
        }

        return Entries(zip, source, onEntry, readEntry, ExpansionBudget.ForSize(archive.Length), cancellationToken);
    }

    /// <summary>
    /// A ZIP read from a stream (inside gzip or another ZIP) is held in memory, as its directory is at its end; so is
    /// bounded: a larger one is reported (extracted, it is read from the file, in place).
    /// </summary>
    public const int MaxBufferedBytes = 64 * 1024 * 1024;

    public const string TooLargeToBuffer = "The ZIP archive is inside gzip or another ZIP archive, so it is read in memory, up to 64 MB, and it is larger: it is not read. Extract it and read the files.";

    /// <summary>The stream's content in memory, or null when it is longer than <paramref name="limit"/>.</summary>
    private static MemoryStream? BufferAtMost(Stream stream, int limit)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffered.Length + read > limit)
            {
                return null;
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        return buffered;
    }

    private static IEnumerable<SignInReadItem> Entries(
        ZipArchive zip,
        string source,
        Action<string>? onEntry,
        Func<Stream, string, IEnumerable<SignInReadItem>> readEntry,
        ExpansionBudget budget,
        CancellationToken cancellationToken)
    {
        using (zip)
        {
            // A damaged central directory (entry count or offsets wrong) throws when the entries are first listed.
            IReadOnlyList<ZipArchiveEntry>? entries = null;
            string? damaged = null;
            try
            {
                entries = zip.Entries;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                damaged = ex.Message;
            }

            if (entries is null)
            {
                yield return SignInProblems.Create(SignInProblems.Unreadable, source, "The ZIP archive's directory is damaged (" + damaged + "): no entry can be located. Repair or re-create the archive, or extract what your tools can and read the files.");
                yield break;
            }

            var files = 0;
            foreach (var entry in entries)
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
                    // One budget for all entries: overlapping entries (a non-recursive ZIP bomb) add up. The stored
                    // CRC-32 is checked as the entry ends: the runtime does not check it.
                    content = new DecompressedStream(entry.Open(), "ZIP entry's data", () => null, budget, ZipEntryChecksum.Stored(entry));
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
