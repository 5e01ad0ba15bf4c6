using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Turns -Path / -LiteralPath values into the files to read: wildcards are expanded, folders contribute their
/// sign-in-like files (optionally recursively). Must run on the pipeline thread (it uses session state).
/// </summary>
internal static class SignInPathResolver
{
    // Folders hold other files too (README, notes, truth tables): only these extensions are read from a folder.
    // A file named explicitly is always read, whatever its extension, and its format is detected from content.
    private static readonly string[] FolderExtensions = { ".json", ".jsonl", ".ndjson", ".csv", ".gz", ".log", ".zip" };

    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, bool recurse)
    {
        var files = new List<string>();
        var problems = new List<EntraStrongAuthException>();
        foreach (var path in paths)
        {
            foreach (var resolved in ResolveOne(cmdlet, path, literal, problems))
            {
                if (Directory.Exists(resolved))
                {
                    files.AddRange(FilesIn(resolved, recurse));
                }
                else if (File.Exists(resolved))
                {
                    files.Add(resolved);
                }
                else
                {
                    problems.Add(NotFound(path));
                }
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), problems);
    }

    private static IEnumerable<string> ResolveOne(PSCmdlet cmdlet, string path, bool literal, List<EntraStrongAuthException> problems)
    {
        if (literal)
        {
            return new[] { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path) };
        }

        try
        {
            var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name != "FileSystem")
            {
                problems.Add(new EntraStrongAuthException("SignInPathNotFileSystem", FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass files or folders."));
                return Array.Empty<string>();
            }

            return resolved;
        }
        catch (ItemNotFoundException)
        {
            problems.Add(NotFound(path));
            return Array.Empty<string>();
        }
    }

    private static IEnumerable<string> FilesIn(string folder, bool recurse) =>
        Directory.EnumerateFiles(folder, "*", recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => FolderExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static EntraStrongAuthException NotFound(string path) =>
        new("SignInPathNotFound", FailureKind.ObjectNotFound, "Cannot find '" + path + "'.", "Check the path; wildcards are allowed with -Path, not with -LiteralPath.");
}
