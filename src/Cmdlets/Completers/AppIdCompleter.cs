using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>
/// Completes the application IDs of the well-known clients scripts use (Azure CLI, Azure PowerShell, Graph
/// command-line tools…), from the built-in classification table; typing part of a name ("cli") finds them too.
/// </summary>
public sealed class AppIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return ClassificationData.BuiltIn.AutomationApps
            .Where(app => word.Length == 0
                || app.AppId.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                || app.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            .GroupBy(app => app.AppId, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .Select(app => new CompletionResult(app.AppId, app.AppId + " " + app.Name, CompletionResultType.ParameterValue, app.Name + " (" + app.Kind + ")"))
            .ToList();
    }
}
