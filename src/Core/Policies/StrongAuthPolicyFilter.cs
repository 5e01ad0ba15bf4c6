using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Policies;

/// <summary>
/// Picks the policies Get-StrongAuthPolicy returns and resolves their strengths: only policies that demand MFA or a
/// strength; report-only kept; disabled only when asked for; counts of what was set aside, for -Verbose.
/// </summary>
public sealed class StrongAuthPolicyFilter
{
    private readonly IReadOnlyList<AuthenticationStrength> _tenantStrengths;

    public StrongAuthPolicyFilter(IEnumerable<AuthenticationStrength>? tenantStrengths = null)
    {
        _tenantStrengths = tenantStrengths?.ToList() ?? new List<AuthenticationStrength>();
    }

    /// <summary>States to keep; null: on, report-only and unknown ones (and off with <see cref="IncludeDisabled"/>).</summary>
    public IReadOnlyCollection<PolicyState>? States { get; init; }

    public bool IncludeDisabled { get; init; }

    public int NotStrongAuth { get; private set; }

    public int DisabledSkipped { get; private set; }

    public int StateSkipped { get; private set; }

    /// <summary>Strength ids that matched no strength known here (left as id/name only).</summary>
    public ISet<string> UnresolvedStrengths { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy with its strength resolved, or null when it is set aside (and counted).</summary>
    public StrongAuthPolicy? Apply(StrongAuthPolicy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (!policy.DemandsStrongAuthentication)
        {
            NotStrongAuth++;
            return null;
        }

        if (States is { } states)
        {
            if (!states.Contains(policy.StateValue))
            {
                StateSkipped++;
                return null;
            }
        }
        else if (policy.StateValue == PolicyState.Off && !IncludeDisabled)
        {
            DisabledSkipped++;
            return null;
        }

        if (policy.AuthenticationStrengthId is not { } id)
        {
            return policy;
        }

        // The tenant's definition wins over one the policy carried inline (beta expands it), which wins over nothing.
        var strength = Resolve(id) ?? policy.AuthenticationStrength;
        if (strength is null)
        {
            UnresolvedStrengths.Add(id);
        }

        return policy.WithStrength(strength);
    }

    /// <summary>The tenant's strength with this id, else the built-in one; null when neither knows it.</summary>
    public AuthenticationStrength? Resolve(string id) =>
        _tenantStrengths.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? StrengthData.BuiltIn.Strengths.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether resolving this id needs the tenant's strengths (it is not a built-in one).</summary>
    public static bool NeedsTenantStrengths(string id) =>
        !StrengthData.BuiltIn.Strengths.Any(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}
