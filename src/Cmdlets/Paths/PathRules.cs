using System;
using System.Threading;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// What differs between the commands' path parameters: which files a folder contributes, and the errors (with each
/// command's documented ids) for a path that matches nothing, belongs to another provider, or a folder that cannot
/// be listed.
/// </summary>
internal sealed class PathRules
{
    public PathRules(
        Func<string, CancellationToken, FolderListing> filesInFolder,
        Func<string, EntraStrongAuthException> notFound,
        Func<string, EntraStrongAuthException> notFileSystem,
        Func<string, string, EntraStrongAuthException> folderUnreadable)
    {
        FilesInFolder = filesInFolder;
        NotFound = notFound;
        NotFileSystem = notFileSystem;
        FolderUnreadable = folderUnreadable;
    }

    /// <summary>The files a folder contributes, in the order they are read, and what could not be listed.</summary>
    public Func<string, CancellationToken, FolderListing> FilesInFolder { get; }

    /// <summary>The problem for a value (as the user typed it) that matches no file or folder.</summary>
    public Func<string, EntraStrongAuthException> NotFound { get; }

    /// <summary>The problem for a value of another PowerShell provider (Env:, HKLM:, …).</summary>
    public Func<string, EntraStrongAuthException> NotFileSystem { get; }

    /// <summary>The problem for a folder (the folder, the reason) that cannot be listed; the other folders are still read.</summary>
    public Func<string, string, EntraStrongAuthException> FolderUnreadable { get; }

    /// <summary>The problem for a folder that contributes no file; null: an empty folder is simply nothing to read.</summary>
    public Func<string, EntraStrongAuthException>? EmptyFolder { get; init; }
}
