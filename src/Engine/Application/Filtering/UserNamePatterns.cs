using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Filtering;

/// <summary>
/// User principal names as users type them on the command line: wildcards allowed, case ignored, surrounding spaces
/// ignored. One matcher for -UserPrincipalName and -ExcludeUserPrincipalName of every command.
/// </summary>
public sealed class UserNamePatterns
{
    private readonly NamePattern[] _patterns;

    public UserNamePatterns(IEnumerable<string>? names)
    {
        _patterns = (names ?? Array.Empty<string>())
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => new NamePattern(n.Trim()))
            .ToArray();
    }

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>Whether any pattern matches; a missing name matches none.</summary>
    public bool Matches(string? userPrincipalName) =>
        userPrincipalName is not null && _patterns.Any(p => p.IsMatch(userPrincipalName.Trim()));
}
