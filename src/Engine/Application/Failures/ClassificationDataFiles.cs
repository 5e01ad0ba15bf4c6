using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Failures;

/// <summary>
/// -ClassificationDataPath's files combined with the built-in tables into the classifier Get-StrongAuthFailure uses.
/// Every problem is terminating: classifying with a table the user meant to change but that did not load would give
/// confidently wrong causes.
/// </summary>
public static class ClassificationDataFiles
{
    public const string InvalidErrorId = ErrorIds.ClassificationDataInvalid;

    /// <summary>A classifier with the files' entries added to the built-in ones; -Verbose says what was loaded.</summary>
    public static async Task<StrongAuthClassifier> ClassifierAsync(IEnumerable<string> files, IRunHost host)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        var data = Load(files);
        await host.WriteVerboseAsync("Classification data: " + data.AutomationApps.Count + " automation apps, " + data.ScriptingUserAgents.Count + " user-agent patterns, rules from " + data.Rules.Source + ".").ConfigureAwait(false);
        return new StrongAuthClassifier(data, AadstsCatalog.BuiltIn);
    }

    private static ClassificationData Load(IEnumerable<string> files)
    {
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
}
