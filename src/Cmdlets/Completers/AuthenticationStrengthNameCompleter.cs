using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>Completes the names of the built-in authentication strengths (quoted: they contain spaces); typing part of a name finds it.</summary>
public sealed class AuthenticationStrengthNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return StrengthData.BuiltIn.Strengths
            .Where(s => word.Length == 0
                || s.DisplayName.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                || s.DisplayName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0
                || s.Id.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(
                "'" + s.DisplayName.Replace("'", "''") + "'",
                s.DisplayName,
                CompletionResultType.ParameterValue,
                s.DisplayName + " (" + s.Id + ", " + s.AllowedCombinations.Count + " combinations)"))
            .ToList();
    }
}
