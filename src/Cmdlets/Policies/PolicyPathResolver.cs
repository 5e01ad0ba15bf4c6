using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Policies;

/// <summary>
/// Turns -Path values of the policy and enrollment commands into files: wildcards expanded, folders give their files
/// of the kinds the command reads (*.json unless told otherwise). Runs on the pipeline thread (it uses session state).
/// </summary>
internal static class PolicyPathResolver
{
    public static ResolvedPaths Resolve(PSCmdlet cmdlet, IEnumerable<string> paths) =>
        Resolve(cmdlet, paths, "*.json");

    public static ResolvedPaths Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, params string[] folderPatterns) =>
        ProviderPathResolver.Resolve(cmdlet, paths, literal: false, Rules(folderPatterns));

    private static PathRules Rules(string[] folderPatterns) => new(
        (folder, _) => FolderListing.Of(folder, f => folderPatterns.SelectMany(pattern => Directory.EnumerateFiles(f, pattern)).OrderBy(file => file, StringComparer.Ordinal)),
        path => new EntraStrongAuthException(ErrorIds.PolicyPathNotFound, FailureKind.ObjectNotFound, "Cannot find '" + path + "'.", "Check the path; wildcards are allowed."),
        path => new EntraStrongAuthException(ErrorIds.PolicyPathNotFileSystem, FailureKind.InvalidArgument, "'" + path + "' is not a file system path.", "Pass saved files or folders."),
        (folder, reason) => new EntraStrongAuthException(ErrorIds.PolicyPathNotFound, FailureKind.ObjectNotFound, "Cannot read the folder '" + folder + "': " + reason, "Check the folder's permissions, or pass the files."));
}
