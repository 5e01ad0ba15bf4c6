using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Classification;

/// <summary>
/// -ClassificationDataPath's values as files (a folder gives its *.json files). Every problem is terminating: the
/// first one, in the order of the paths, stops the command before anything is read. Runs on the pipeline thread (it
/// uses session state); the Engine's ClassificationDataFiles loads what it returns.
/// </summary>
internal static class ClassificationDataPaths
{
    public const string NotFoundErrorId = ErrorIds.ClassificationDataNotFound;

    public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var rules = new PathRules(
            (folder, _) => FolderListing.Of(folder, f => Directory.EnumerateFiles(f, "*.json").OrderBy(file => file, StringComparer.Ordinal)),
            path => NotFound(path, "it does not exist"),
            path => NotFound(path, "it is not a file system path"),
            (folder, reason) => NotFound(folder, "the folder cannot be read: " + reason.TrimEnd('.')))
        {
            EmptyFolder = path => NotFound(path, "the folder holds no .json file"),
        };
        var (files, problems) = ProviderPathResolver.Resolve(cmdlet, paths, literal: false, rules);
        if (problems.Count > 0)
        {
            throw problems[0];
        }

        return files;
    }

    private static EntraStrongAuthException NotFound(string path, string why) =>
        new(NotFoundErrorId, FailureKind.ObjectNotFound, "Cannot use -ClassificationDataPath '" + path + "': " + why + ".", "Pass the JSON files or the folder that holds them.");
}
