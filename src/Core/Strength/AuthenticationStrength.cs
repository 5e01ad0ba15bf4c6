using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// An authentication strength policy (Graph <c>authenticationStrengthPolicy</c>): the combinations of
/// authenticationMethodModes a sign-in must match one of. Combinations and modes stay strings because Graph adds
/// modes over time (qrCodePin came as an evolvable member); a mode this version does not know simply has no method
/// that provides it.
/// </summary>
public sealed class AuthenticationStrength
{
    public const string MultifactorId = "00000000-0000-0000-0000-000000000002";
    public const string PasswordlessMfaId = "00000000-0000-0000-0000-000000000003";
    public const string PhishingResistantMfaId = "00000000-0000-0000-0000-000000000004";

    public AuthenticationStrength(
        string id,
        string displayName,
        string policyType,
        IEnumerable<string> allowedCombinations,
        IEnumerable<CombinationConfiguration>? combinationConfigurations = null,
        string? requirementsSatisfied = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        PolicyType = policyType ?? throw new ArgumentNullException(nameof(policyType));
        AllowedCombinations = (allowedCombinations ?? throw new ArgumentNullException(nameof(allowedCombinations)))
            .Select(StrengthCombination.Normalize)
            .Where(c => c.Length > 0)
            .ToTextList(" ");
        CombinationConfigurations = (combinationConfigurations ?? Array.Empty<CombinationConfiguration>()).ToTextList();
        RequirementsSatisfied = requirementsSatisfied;
    }

    public string Id { get; }

    public string DisplayName { get; }

    /// <summary>builtIn, custom or a newer value.</summary>
    public string PolicyType { get; }

    /// <summary>mfa, none or a newer value; null when not given.</summary>
    public string? RequirementsSatisfied { get; }

    /// <summary>Each combination as Graph writes it, modes joined by commas: <c>password,sms</c>.</summary>
    public IReadOnlyList<string> AllowedCombinations { get; }

    /// <summary>Restrictions on the methods of some combinations (FIDO2 AAGUIDs, certificate issuers and policy OIDs).</summary>
    public IReadOnlyList<CombinationConfiguration> CombinationConfigurations { get; }

    public bool IsBuiltIn => string.Equals(PolicyType, "builtIn", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => DisplayName + " (" + Id + ")";
}
