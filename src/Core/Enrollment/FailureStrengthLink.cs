using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// Links what Get-StrongAuthFailure and Get-StrongAuthPolicy emit to the strength Test-MfaEnrollment should test: the
/// strength named in the failure's Conditional Access evidence, or the one a policy demands.
/// </summary>
public static class FailureStrengthLink
{
    /// <summary>The causes that are about what the user registered: their failures are answered by an enrollment test.</summary>
    public static bool IsEnrollmentCause(FailureCause cause) =>
        cause is FailureCause.IncompleteEnrollment or FailureCause.CannotSatisfyStrength;

    /// <summary>
    /// The strength named by the failure's CA evidence (<see cref="StrongAuthFailure.AuthenticationStrength"/>, a display
    /// name or id), resolved against <paramref name="strengths"/> and the built-ins; built-in MFA when it names none or
    /// an unknown one (AADSTS50079/50076 without a strength means plain "require MFA"). Other causes are still tested,
    /// with <see cref="StrengthChoice.CauseIsEnrollment"/> false so the caller can say the answer does not explain them.
    /// </summary>
    public static StrengthChoice ForFailure(StrongAuthFailure failure, IEnumerable<AuthenticationStrength> strengths)
    {
        if (failure is null)
        {
            throw new ArgumentNullException(nameof(failure));
        }

        var known = Known(strengths);
        var isEnrollment = IsEnrollmentCause(failure.CauseKind);
        var note = isEnrollment ? string.Empty : " The failure's cause is " + failure.Cause + ", not enrollment: this answer says what the user can satisfy, not why the sign-in failed.";
        var named = failure.AuthenticationStrength;
        if (string.IsNullOrWhiteSpace(named))
        {
            return new StrengthChoice(Mfa(known), isFallback: true, "The failure names no authentication strength; tested against built-in Multifactor authentication (what 'require MFA' demands)." + note) { CauseIsEnrollment = isEnrollment };
        }

        var found = Find(named!, known);
        return found is null
            ? new StrengthChoice(Mfa(known), isFallback: true, "The failure names the strength '" + named + "', which is not among the known strengths (read the tenant's custom strengths, or pass -Strength); tested against built-in Multifactor authentication instead." + note) { CauseIsEnrollment = isEnrollment }
            : new StrengthChoice(found, isFallback: false, "The strength named in the failure's Conditional Access evidence." + note) { CauseIsEnrollment = isEnrollment };
    }

    /// <summary>The strength a Conditional Access policy demands: its authentication strength, or built-in MFA for 'require MFA'.</summary>
    public static StrengthChoice ForPolicy(StrongAuthPolicy policy, IEnumerable<AuthenticationStrength> strengths)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var known = Known(strengths);
        if (policy.AuthenticationStrengthId is { } id)
        {
            var found = policy.AuthenticationStrength ?? Find(id, known) ?? (policy.AuthenticationStrengthName is { } name ? Find(name, known) : null);
            return found is null
                ? new StrengthChoice(null, isFallback: false, "Policy '" + policy.DisplayName + "' demands the strength " + id + ", whose definition was not read; pass the tenant's strengths.")
                : new StrengthChoice(found, isFallback: false, "The strength policy '" + policy.DisplayName + "' demands.");
        }

        return policy.RequiresMfa
            ? new StrengthChoice(Mfa(known), isFallback: false, "Policy '" + policy.DisplayName + "' requires MFA: built-in Multifactor authentication.")
            : new StrengthChoice(null, isFallback: false, "Policy '" + policy.DisplayName + "' demands neither MFA nor an authentication strength.");
    }

    /// <summary>By id first, then by display name ignoring case and the hyphen Entra writes in some places and not others ("Phishing resistant MFA").</summary>
    public static AuthenticationStrength? Find(string idOrName, IEnumerable<AuthenticationStrength> strengths)
    {
        var known = Known(strengths);
        var text = (idOrName ?? string.Empty).Trim();
        return known.FirstOrDefault(s => string.Equals(s.Id, text, StringComparison.OrdinalIgnoreCase))
            ?? known.FirstOrDefault(s => string.Equals(Loose(s.DisplayName), Loose(text), StringComparison.OrdinalIgnoreCase));
    }

    private static string Loose(string name) => name.Replace('-', ' ').Trim();

    /// <summary>The caller's strengths first (a tenant's copy of a built-in wins), then the built-ins.</summary>
    private static List<AuthenticationStrength> Known(IEnumerable<AuthenticationStrength> strengths) =>
        (strengths ?? Enumerable.Empty<AuthenticationStrength>()).Concat(StrengthData.BuiltIn.Strengths).ToList();

    private static AuthenticationStrength Mfa(List<AuthenticationStrength> known) =>
        known.First(s => s.Id == AuthenticationStrength.MultifactorId);
}
