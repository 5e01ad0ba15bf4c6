using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EntraStrongAuth.Core.Aadsts;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>Completes known AADSTS codes; typing a name fragment ("Enroll") finds codes by name too.</summary>
public sealed class AadstsCodeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        if (word.StartsWith("AADSTS", StringComparison.OrdinalIgnoreCase))
        {
            word = word.Substring("AADSTS".Length);
        }

        return AadstsCatalog.BuiltIn.Entries
            .Where(e => Matches(e, word))
            .Select(e =>
            {
                var code = e.Code.ToString(CultureInfo.InvariantCulture);
                return new CompletionResult(code, code + " " + e.Name, CompletionResultType.ParameterValue, e.Name + ": " + e.Meaning);
            })
            .ToList();
    }

    private static bool Matches(AadstsCatalogEntry entry, string word) =>
        word.Length == 0
        || entry.Code.ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal)
        || entry.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}
