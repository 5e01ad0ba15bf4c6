using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Engine.Application.Policies;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>Completes the names of the Conditional Access policies a command has read this session (Get-StrongAuthPolicy).</summary>
public sealed class StrongAuthPolicyNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionCandidates.Complete(
            wordToComplete,
            TenantNameCache.Policies,
            p => p.DisplayName,
            p => p.DisplayName,
            p => p.DisplayName + " (" + p.StateKind + ", requires " + p.Requires + ")");
}
