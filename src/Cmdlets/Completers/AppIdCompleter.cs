using System.Collections;
using System.Collections.Generic;
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
        IDictionary fakeBoundParameters) =>
        CompletionCandidates.Complete(
            wordToComplete,
            ClassificationData.BuiltIn.AutomationApps,
            app => app.AppId,
            app => app.AppId + " " + app.Name,
            app => app.Name + " (" + app.Kind + ")");
}
