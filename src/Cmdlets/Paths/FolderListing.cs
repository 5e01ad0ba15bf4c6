using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// What a folder contributes: its files, the folders under it that could not be listed (each one a problem of its
/// own, the others still read), and the links to folders that were not followed.
/// </summary>
internal sealed class FolderListing
{
    public List<string> Files { get; } = new();

    /// <summary>Folders that could not be listed (access denied, gone, an I/O error), with the reason.</summary>
    public List<(string Folder, string Reason)> UnreadableFolders { get; } = new();

    /// <summary>Links (symbolic links, junctions) to folders: never followed, so a link to a parent cannot loop.</summary>
    public List<string> SkippedLinks { get; } = new();

    /// <summary>One folder listed by <paramref name="list"/>; a folder that cannot be listed is reported, not thrown.</summary>
    public static FolderListing Of(string folder, Func<string, IEnumerable<string>> list)
    {
        var listing = new FolderListing();
        try
        {
            listing.Files.AddRange(list(folder).ToList());
        }
        catch (Exception ex) when (IsListingFailure(ex))
        {
            listing.UnreadableFolders.Add((folder, ex.Message));
        }

        return listing;
    }

    /// <summary>Failures of the folder itself (permissions, removed meanwhile, I/O), not of the code.</summary>
    public static bool IsListingFailure(Exception ex) =>
        ex is UnauthorizedAccessException or IOException or SecurityException;
}
