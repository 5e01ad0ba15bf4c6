using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Turns -Path / -LiteralPath values into the files to read: wildcards are expanded, folders contribute their
/// sign-in-like files (optionally recursively), by the rules of <see cref="ProviderPathResolver"/>. Must run on the pipeline thread (it uses session state).
/// </summary>
internal static class SignInPathResolver
{
    // Folders hold other files too (README, notes, truth tables): only these extensions are read from a folder.
    // A file named explicitly is always read, whatever its extension, and its format is detected from content.
    private static readonly string[] FolderExtensions = { ".json", ".jsonl", ".ndjson", ".csv", ".gz", ".log", ".zip" };

    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, bool recurse) =>
        ProviderPathResolver.Resolve(cmdlet, paths, literal, Rules(recurse));

    private static PathRules Rules(bool recurse) => new(
        folder => FilesIn(folder, recurse),
        path => new EntraStrongAuthException(ErrorIds.SignInPathNotFound, FailureKind.ObjectNotFound, "Cannot find '" + path + "'.", "Check the path; wildcards are allowed with -Path, not with -LiteralPath."),
        path => new EntraStrongAuthException(ErrorIds.SignInPathNotFileSystem, FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass files or folders."));

    private static IEnumerable<string> FilesIn(string folder, bool recurse) =>
        Directory.EnumerateFiles(folder, "*", recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => FolderExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
}
