using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Policies;

/// <summary>
/// Turns -Path values of the policy and enrollment commands into files: wildcards expanded, folders give their files
/// of the kinds the command reads (*.json unless told otherwise). Runs on the pipeline thread (it uses session state).
/// </summary>
internal static class PolicyPathResolver
{
    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths) =>
        Resolve(cmdlet, paths, "*.json");

    public static (List<string> Files, List<EntraStrongAuthException> Problems) Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, params string[] folderPatterns)
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
                    problems.Add(new EntraStrongAuthException("PolicyPathNotFileSystem", FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass saved files or folders."));
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
                    files.AddRange(folderPatterns.SelectMany(pattern => Directory.EnumerateFiles(item, pattern)).OrderBy(f => f, StringComparer.Ordinal));
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
