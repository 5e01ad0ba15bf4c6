using System.Collections.Generic;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>What Get-AuthenticationStrength was asked, as bound from its parameters.</summary>
public sealed class StrengthQueryOptions
{
    /// <summary>Display names; wildcards, case-insensitive, a hyphen equal to a space.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Exact ids, case-insensitive.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Only the built-in strengths.</summary>
    public bool BuiltInOnly { get; init; }
}
