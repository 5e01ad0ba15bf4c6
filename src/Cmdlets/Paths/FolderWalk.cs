using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// The files of a folder, and with <c>recurse</c> of its subfolders at any depth, for shares the admin does not
/// control: a link to a folder is listed as skipped, never entered (a link to a parent would otherwise repeat the
/// tree until the path is too long, reading the same files again and again); a subfolder that cannot be listed is
/// reported and the others are still listed; the token is checked before each folder, so Ctrl+C stops a walk of
/// any size. Files are returned sorted by path (ordinal), as the commands read them.
/// </summary>
internal static class FolderWalk
{
    public static FolderListing List(string folder, bool recurse, Func<string, bool> include, CancellationToken cancellationToken) =>
        List(folder, recurse, include, current => new DirectoryInfo(current).EnumerateFileSystemInfos(), cancellationToken);

    /// <summary>Lists with <paramref name="entriesOf"/> (a test's stand-in for the file system: it may throw for a folder).</summary>
    public static FolderListing List(string folder, bool recurse, Func<string, bool> include, Func<string, IEnumerable<FileSystemInfo>> entriesOf, CancellationToken cancellationToken)
    {
        var listing = new FolderListing();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = entriesOf(current).ToList();
            }
            catch (Exception ex) when (FolderListing.IsListingFailure(ex))
            {
                listing.UnreadableFolders.Add((current, ex.Message));
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is not DirectoryInfo)
                {
                    if (include(entry.FullName))
                    {
                        listing.Files.Add(entry.FullName);
                    }
                }
                else if (recurse && IsLink(entry))
                {
                    listing.SkippedLinks.Add(entry.FullName);
                }
                else if (recurse)
                {
                    pending.Push(entry.FullName);
                }
            }
        }

        listing.Files.Sort(StringComparer.Ordinal);
        listing.SkippedLinks.Sort(StringComparer.Ordinal);
        return listing;
    }

    // FileSystemInfo.LinkTarget (.NET 6 and later: PowerShell 7) is set only for symbolic links and junctions; netstandard2.0 cannot name it.
    private static readonly PropertyInfo? LinkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget");

    /// <summary>
    /// A symbolic link or junction: on Linux and macOS the runtime reports a link as a reparse point. Windows marks
    /// cloud placeholders (OneDrive files on demand) as reparse points too, which are real folders: LinkTarget tells
    /// them apart where it exists (on Windows PowerShell 5.1 every reparse point counts as a link).
    /// </summary>
    private static bool IsLink(FileSystemInfo entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) != 0 && (LinkTarget is null || LinkTarget.GetValue(entry) is not null);
}
