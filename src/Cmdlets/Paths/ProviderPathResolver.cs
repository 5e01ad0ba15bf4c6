using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// The one way every command turns path parameters into files: PowerShell paths resolved against the session's
/// location, wildcards expanded (not for -LiteralPath), only the FileSystem provider accepted, folders expanded by
/// the command's <see cref="PathRules"/>, each file once. A bad value is a problem; the other values still resolve.
/// Runs on the pipeline thread (it uses session state).
/// </summary>
internal static class ProviderPathResolver
{
    private const string FileSystem = "FileSystem";

    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal, PathRules rules)
    {
        var files = new List<string>();
        var problems = new List<EntraStrongAuthException>();
        foreach (var path in paths)
        {
            foreach (var resolved in ResolveOne(cmdlet, path, literal, rules, problems))
            {
                if (Directory.Exists(resolved))
                {
                    var inFolder = rules.FilesInFolder(resolved).ToList();
                    if (inFolder.Count == 0 && rules.EmptyFolder is { } empty)
                    {
                        problems.Add(empty(path));
                    }

                    files.AddRange(inFolder);
                }
                else if (File.Exists(resolved))
                {
                    files.Add(resolved);
                }
                else
                {
                    problems.Add(rules.NotFound(path));
                }
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), problems);
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
