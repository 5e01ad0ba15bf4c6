using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Policies;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>
/// Completes strength names: the tenant's (custom ones included) once a command has read them this session, and the
/// built-in ones always; typing part of a name or the start of an id finds it.
/// </summary>
public sealed class AuthenticationStrengthNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionCandidates.Complete(
            wordToComplete,
            TenantNameCache.Strengths.Concat(StrengthData.BuiltIn.Strengths),
            s => s.DisplayName,
            s => s.DisplayName,
            s => s.DisplayName + " (" + s.Id + ", " + s.PolicyType + ", " + s.AllowedCombinations.Count + " combinations)");
}
