using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// What differs between the commands' path parameters: which files a folder contributes, and the errors (with each
/// command's documented ids) for a path that matches nothing or belongs to another provider.
/// </summary>
internal sealed class PathRules
{
    public PathRules(Func<string, IEnumerable<string>> filesInFolder, Func<string, EntraStrongAuthException> notFound, Func<string, EntraStrongAuthException> notFileSystem)
    {
        FilesInFolder = filesInFolder;
        NotFound = notFound;
        NotFileSystem = notFileSystem;
    }

    /// <summary>The files a folder contributes, in the order they are read.</summary>
    public Func<string, IEnumerable<string>> FilesInFolder { get; }

    /// <summary>The problem for a value (as the user typed it) that matches no file or folder.</summary>
    public Func<string, EntraStrongAuthException> NotFound { get; }

    /// <summary>The problem for a value of another PowerShell provider (Env:, HKLM:, …).</summary>
    public Func<string, EntraStrongAuthException> NotFileSystem { get; }

    /// <summary>The problem for a folder that contributes no file; null: an empty folder is simply nothing to read.</summary>
    public Func<string, EntraStrongAuthException>? EmptyFolder { get; init; }
}
