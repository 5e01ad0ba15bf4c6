using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Classification;

/// <summary>
/// -ClassificationDataPath: resolves files and folders (a folder gives its *.json files) and combines them with the
/// built-in tables. Every problem is terminating: classifying with a table the user meant to change but that did not
/// load would give confidently wrong causes. Must run on the pipeline thread (it uses session state).
/// </summary>
internal static class ClassificationDataLoader
{
    public const string InvalidErrorId = "ClassificationDataInvalid";
    public const string NotFoundErrorId = "ClassificationDataNotFound";

    public static ClassificationData Load(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var files = Resolve(cmdlet, paths);
        try
        {
            return UserClassificationData.Combine(ClassificationData.BuiltIn, files);
        }
        catch (ClassificationDataException ex)
        {
            throw new EntraStrongAuthException(InvalidErrorId, FailureKind.InvalidData, ex.Message, "Fix the entry named in the message; the files use the schema of the built-in tables (Get-Help Get-StrongAuthFailure -Parameter ClassificationDataPath).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EntraStrongAuthException(InvalidErrorId, FailureKind.ReadError, "Cannot read a classification data file: " + ex.Message, "Check that the file exists and can be read.", ex);
        }
    }

    // Every problem is terminating: the first one, in the order of the paths, stops the command.
    private static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var rules = new PathRules(
            folder => Directory.EnumerateFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal),
            path => NotFound(path, "it does not exist"),
            path => NotFound(path, "it is not a file system path"))
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
