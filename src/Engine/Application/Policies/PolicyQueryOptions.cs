using System.Collections.Generic;
using EntraStrongAuth.Core.Policies;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>What Get-StrongAuthPolicy was asked, as bound from its parameters.</summary>
public sealed class PolicyQueryOptions
{
    /// <summary>Display names or ids; wildcards, case-insensitive.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Only policies in these states (Off included when named here).</summary>
    public IReadOnlyList<PolicyState>? States { get; init; }

    /// <summary>Also disabled (Off) policies.</summary>
    public bool IncludeDisabled { get; init; }

    /// <summary>The policies come from -Path files (the advice about unresolved strengths differs).</summary>
    public bool FromFiles { get; init; }
}
