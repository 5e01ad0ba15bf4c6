using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Opening a file: regular files only (checked before opening), ZIP archives read in place, failures as problems.</summary>
public static partial class SignInLogReader
{
    private static IEnumerable<SignInReadItem> ReadFileCore(string path, SignInLogFormat format, RecordScope scope, Action<string>? onEntry, Action<Stream>? onOpen, CancellationToken cancellationToken)
    {
        // Checked before opening: opening a FIFO blocks until a writer comes, and Ctrl+C cannot interrupt that.
        if (FileSystemFacts.NotRegularFile(path) is { } kind)
        {
            return [SignInProblems.Create(SignInProblems.Unreadable, path, NotRegularMessage(kind))];
        }

        Stream? file = null;
        bool isZip;
        try
        {
            file = OpenFile(path);
            onOpen?.Invoke(file);
            isZip = ZipSignInArchive.StartsWithZip(file);
        }
        catch (Exception ex) when (IsOpenFailure(ex))
        {
            file?.Dispose();
            return [SignInProblems.UnreadableFile(path, ex)];
        }

        // A ZIP file is handed over seekable, so ZipArchive reads its directory in place instead of copying it to memory.
        return isZip
            ? ZipSignInArchive.Read(file, path, onEntry, (entry, name) => Read(entry, name, format, scope, leaveOpen: false, onEntry, archiveDepth: 1, cancellationToken), cancellationToken)
            : Read(file, path, format, scope, leaveOpen: false, onEntry, archiveDepth: 0, cancellationToken);
    }

    private const int MaxArchiveDepth = 2;

    private static string NotRegularMessage(string kind) =>
        "The path is " + kind + ", not a regular file: only regular files are read, so it was not opened.";

    private static FileStream OpenFile(string path) =>
        // No FileStream buffering: the readers fill their own 64-128 KB buffers. ReadWrite sharing reads a log still being written.
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>Failures of the input itself (missing, locked, corrupt gzip, bad encoding), not of the code.</summary>
    private static bool IsReadFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidDataException or DecoderFallbackException;

    /// <summary>Opening also fails on a path the platform rejects (empty, bad characters, a device name).</summary>
    private static bool IsOpenFailure(Exception ex) =>
        IsReadFailure(ex) || ex is ArgumentException or NotSupportedException or System.Security.SecurityException;
}
