using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The Conditional Access facts an admin needs whatever the cause: which policies applied and what authentication
/// strength was asked for, and with what result.
/// </summary>
internal readonly struct ConditionalAccessFacts
{
    public ConditionalAccessFacts(SignInEvent signIn)
    {
        var policies = signIn.AppliedConditionalAccessPolicies;
        Policies = policies.Where(ConditionalAccessResults.Applied).Select(p => p.DisplayName ?? p.Id ?? "(unnamed policy)").ToList();

        // The policy that interrupted the sign-in says what it was asked for; else any applied policy with a strength.
        var strength = policies.FirstOrDefault(p => ConditionalAccessResults.Interrupted(p) && p.AuthenticationStrengthResult is not null)
            ?? policies.FirstOrDefault(p => ConditionalAccessResults.Applied(p) && p.AuthenticationStrengthResult is not null);
        Strength = strength?.AuthenticationStrengthDisplayName ?? strength?.AuthenticationStrengthId;
        StrengthResult = strength?.AuthenticationStrengthResult;
    }

    public IReadOnlyList<string> Policies { get; }

    public string? Strength { get; }

    public string? StrengthResult { get; }
}
