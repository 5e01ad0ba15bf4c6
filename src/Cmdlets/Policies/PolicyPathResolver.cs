using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Policies;

/// <summary>
/// Turns -Path values of the policy commands into files: wildcards expanded, folders give their *.json files. Runs
/// on the pipeline thread (it uses session state).
/// </summary>
internal static class PolicyPathResolver
{
    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var files = new List<string>();
        var problems = new List<EntraStrongAuthException>();
        foreach (var path in paths)
        {
            IEnumerable<string> resolved;
            try
            {
                resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem")
                {
                    problems.Add(new EntraStrongAuthException("PolicyPathNotFileSystem", FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass saved Graph JSON files or folders."));
                    continue;
                }
            }
            catch (ItemNotFoundException)
            {
                problems.Add(NotFound(path));
                continue;
            }

            foreach (var item in resolved)
            {
                if (Directory.Exists(item))
                {
                    files.AddRange(Directory.EnumerateFiles(item, "*.json").OrderBy(f => f, StringComparer.Ordinal));
                }
                else if (File.Exists(item))
                {
                    files.Add(item);
                }
                else
                {
                    problems.Add(NotFound(path));
                }
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), problems);
    }

    private static EntraStrongAuthException NotFound(string path) =>
        new("PolicyPathNotFound", FailureKind.ObjectNotFound, "Cannot find '" + path + "'.", "Check the path; wildcards are allowed.");
}
