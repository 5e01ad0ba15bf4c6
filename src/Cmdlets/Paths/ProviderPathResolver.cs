using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// The one way every command turns path parameters into files: PowerShell paths resolved against the session's
/// location, wildcards expanded (not for -LiteralPath), only the FileSystem provider accepted, folders expanded by
/// the command's <see cref="PathRules"/>, each file once. A bad value, or a folder that cannot be listed, is a
/// problem; the other values still resolve. Runs on the pipeline thread (it uses session state), so folder walks
/// check the cancellation token and Ctrl+C stops them.
/// </summary>
internal static class ProviderPathResolver
{
    private const string FileSystem = "FileSystem";

    public static ResolvedPaths Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, PathRules rules) =>
        Resolve(cmdlet, paths, literal, rules, CancellationToken.None);

    public static ResolvedPaths Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, PathRules rules, CancellationToken cancellationToken)
    {
        var result = new ResolvedPaths();
        var files = new List<string>();
        foreach (var path in paths)
        {
            foreach (var resolved in ResolveOne(cmdlet, path, literal, rules, result.Problems))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Directory.Exists(resolved))
                {
                    var listing = rules.FilesInFolder(resolved, cancellationToken);
                    result.Problems.AddRange(listing.UnreadableFolders.Select(unreadable => rules.FolderUnreadable(unreadable.Folder, unreadable.Reason)));
                    result.Warnings.AddRange(listing.SkippedLinks.Select(link =>
                        "Skipped '" + link + "': it is a link to a folder, and links to folders are not followed (a link to a parent folder would read the same files again and again). Pass the folder it points to as a path of its own to read it."));
                    if (listing.Files.Count == 0 && listing.UnreadableFolders.Count == 0 && rules.EmptyFolder is { } empty)
                    {
                        result.Problems.Add(empty(path));
                    }

                    files.AddRange(listing.Files);
                }
                else if (File.Exists(resolved))
                {
                    files.Add(resolved);
                }
                else
                {
                    result.Problems.Add(rules.NotFound(path));
                }
            }
        }

        result.Files.AddRange(files.Distinct(StringComparer.Ordinal));
        return result;
    }

    private static IEnumerable<string> ResolveOne(PSCmdlet cmdlet, string path, bool literal, PathRules rules, List<EntraStrongAuthException> problems)
    {
        try
        {
            ProviderInfo provider;
            IEnumerable<string> resolved;
            if (literal)
            {
                resolved = new[] { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
            }
            else
            {
                resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }

            if (provider.Name != FileSystem)
            {
                problems.Add(rules.NotFileSystem(path));
                return Array.Empty<string>();
            }

            return resolved;
        }
        catch (ItemNotFoundException)
        {
            problems.Add(rules.NotFound(path));
            return Array.Empty<string>();
        }
    }
}
