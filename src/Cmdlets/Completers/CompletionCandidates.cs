using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EntraStrongAuth.Cmdlets.Completers;

/// <summary>
/// The filter-and-quote step every completer shares: a candidate matches when the typed word starts its value or
/// appears anywhere in its name (so "phish" finds "Phishing-resistant MFA"); values with spaces come back quoted.
/// </summary>
internal static class CompletionCandidates
{
    public static string Word(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

    public static bool Matches(string word, string value, string name) =>
        word.Length == 0
        || value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        || name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>One result per distinct value, in the order given.</summary>
    public static List<CompletionResult> Complete<T>(string? wordToComplete, IEnumerable<T> items, Func<T, string> value, Func<T, string> name, Func<T, string> tooltip)
    {
        var word = Word(wordToComplete);
        return items
            .Where(item => Matches(word, value(item), name(item)))
            .GroupBy(value, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .Select(item => new CompletionResult(Quote(value(item)), name(item), CompletionResultType.ParameterValue, tooltip(item)))
            .ToList();
    }

    // Characters that make PowerShell read a bare argument as something else.
    private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#' };

    private static string Quote(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 ? value : "'" + value.Replace("'", "''") + "'";
}
