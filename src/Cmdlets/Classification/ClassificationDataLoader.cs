using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
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

    private static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            Collection<string> resolved;
            try
            {
                resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (ItemNotFoundException)
            {
                throw NotFound(path, "it does not exist");
            }

            foreach (var item in resolved)
            {
                if (Directory.Exists(item))
                {
                    var inFolder = Directory.EnumerateFiles(item, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
                    if (inFolder.Count == 0)
                    {
                        throw NotFound(path, "the folder holds no .json file");
                    }

                    files.AddRange(inFolder);
                }
                else
                {
                    files.Add(item);
                }
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static EntraStrongAuthException NotFound(string path, string why) =>
        new(NotFoundErrorId, FailureKind.ObjectNotFound, "Cannot use -ClassificationDataPath '" + path + "': " + why + ".", "Pass the JSON files or the folder that holds them.");
}
