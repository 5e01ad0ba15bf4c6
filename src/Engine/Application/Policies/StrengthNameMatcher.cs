using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>
/// -Name matching for strengths and policies: wildcards, case-insensitive, and a hyphen equal to a space, because
/// Graph names the built-in strength "Phishing resistant MFA" where the portal writes "Phishing-resistant MFA".
/// </summary>
public sealed class StrengthNameMatcher
{
    private readonly List<(string Text, NamePattern Pattern, NamePattern Loose)> _patterns;

    public StrengthNameMatcher(IEnumerable<string>? names)
    {
        _patterns = (names ?? Array.Empty<string>())
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => (n, new NamePattern(n), new NamePattern(Loosen(n))))
            .ToList();
    }

    public bool IsEmpty => _patterns.Count == 0;

    public bool Matches(params string?[] values) => IsEmpty || _patterns.Any(p => Matches(p, values));

    /// <summary>The names without wildcards that matched none of <paramref name="seen"/>: each is reported as not found.</summary>
    public IEnumerable<string> Unmatched(IReadOnlyList<string?[]> seen) =>
        _patterns.Where(p => !NamePattern.ContainsWildcardCharacters(p.Text) && !seen.Any(values => Matches(p, values))).Select(p => p.Text);

    private static bool Matches((string Text, NamePattern Pattern, NamePattern Loose) pattern, string?[] values) =>
        values.Any(v => v is not null && (pattern.Pattern.IsMatch(v) || pattern.Loose.IsMatch(Loosen(v))));

    private static string Loosen(string text) => text.Replace('-', ' ');
}
