using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Turns -Path / -LiteralPath values into the files to read: wildcards are expanded, folders contribute their
/// sign-in-like files (optionally recursively, through <see cref="FolderWalk"/>: links to folders are not followed, a
/// folder that cannot be listed is a SignInPathUnreadable error and the others are read), by the rules of
/// <see cref="ProviderPathResolver"/>. Must run on the pipeline thread (it uses session state).
/// </summary>
internal static class SignInPathResolver
{
    // Folders hold other files too (README, notes, truth tables): only these extensions are read from a folder.
    // A file named explicitly is always read, whatever its extension, and its format is detected from content.
    private static readonly string[] FolderExtensions = { ".json", ".jsonl", ".ndjson", ".csv", ".gz", ".log", ".zip" };

    public static ResolvedPaths Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, bool recurse, CancellationToken cancellationToken) =>
        ProviderPathResolver.Resolve(cmdlet, paths, literal, Rules(recurse), cancellationToken);

    private static PathRules Rules(bool recurse) => new(
        (folder, cancellationToken) => FolderWalk.List(folder, recurse, IsSignInFile, cancellationToken),
        path => new EntraStrongAuthException(ErrorIds.SignInPathNotFound, FailureKind.ObjectNotFound, "Cannot find '" + path + "'.", "Check the path; wildcards are allowed with -Path, not with -LiteralPath."),
        path => new EntraStrongAuthException(ErrorIds.SignInPathNotFileSystem, FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass files or folders."),
        (folder, reason) => new EntraStrongAuthException(ErrorIds.SignInPathUnreadable, FailureKind.ReadError, "Cannot read the folder '" + folder + "': " + reason + " Its files are not read; the other folders are.", "Check the folder's permissions, or leave it out of the paths."));

    private static bool IsSignInFile(string file) => FolderExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);
}
