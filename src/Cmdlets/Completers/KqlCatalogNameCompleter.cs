using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Core.Workspace;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>Completes the names of the KQL catalog's queries (Get-StrongAuthKql -Name).</summary>
public sealed class KqlCatalogNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionCandidates.Complete(wordToComplete, KqlCatalog.All, e => e.Name, e => e.Name, e => e.Kind + ": " + e.Description);
}
