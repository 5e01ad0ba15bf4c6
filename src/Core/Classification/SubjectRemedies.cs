using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Fits a cause's remedy to who signed in. The cause table picks the remedy by cause; but "register a method" or
/// "complete MFA when prompted" is wrong for a script, which can never do either, and incomplete for a guest, whose
/// MFA by default happens in the resource tenant unless that tenant trusts the home tenant's MFA.
/// </summary>
internal static class SubjectRemedies
{
    /// <summary>Causes whose remedy asks the person at the keyboard to register or prove something.</summary>
    private static readonly HashSet<FailureCause> PersonActions = new()
    {
        FailureCause.IncompleteEnrollment,
        FailureCause.CannotSatisfyStrength,
        FailureCause.MfaAttemptFailed,
        FailureCause.PolicyStepUp,
        FailureCause.StaleSessionClaims,
    };

    public static FailureClassification Fit(FailureClassification classification, ClassificationData data)
    {
        if (classification.Cause == FailureCause.Other)
        {
            return WithoutGuestAdvice(classification);
        }

        if (!PersonActions.Contains(classification.Cause))
        {
            return classification;
        }

        var signIn = classification.SignIn;
        if (HeadlessSignals(signIn, data) is { Count: > 0 } headless)
        {
            var remedy = new List<string>
            {
                "This sign-in came from a script or headless client (see the evidence): nobody can register a method or answer MFA for it, so do not register an authenticator for the account; move the job to a workload identity.",
            };
            remedy.AddRange(data.Rules.Definition(FailureCause.HeadlessUserAccount)?.Remedy.Skip(1) ?? Array.Empty<string>());
            return classification with { Evidence = classification.Evidence.Concat(headless).ToList(), Remedy = remedy };
        }

        if (SignInRuleValues.TenantRelation(signIn).FirstOrDefault() is { Value: "external" } external)
        {
            var home = string.IsNullOrWhiteSpace(signIn.HomeTenantId) ? "the user's home tenant" : "home tenant " + signIn.HomeTenantId;
            var guest = "This user is external (" + home + "): MFA is registered and performed in this resource tenant unless its cross-tenant access settings trust MFA from " + home
                + " (Entra admin center > External Identities > Cross-tenant access settings > Inbound access > Trust settings: trust multifactor authentication from Microsoft Entra tenants). Trusting it lets the user's existing home-tenant MFA count here.";
            var evidence = new Evidence(external.Path, external.Shown, "The user is external to the tenant signed in to (a guest or other cross-tenant user): their MFA comes from the home tenant only when this tenant trusts it.");
            return classification with { Evidence = classification.Evidence.Concat(new[] { evidence }).ToList(), Remedy = new[] { guest }.Concat(classification.Remedy).ToList() };
        }

        return classification;
    }

    /// <summary>
    /// The catalog's remedy for a wrong-account code (16000, 90072) tells the admin to invite the user as a guest. For
    /// a user who signed in to their own tenant that is wrong: they are a member already; the app or browser offered
    /// another account. Those steps are replaced by that one, and the record's tenant fact is added as evidence. When
    /// the record does not say, the guest steps stay but are marked as conditional.
    /// </summary>
    private static FailureClassification WithoutGuestAdvice(FailureClassification classification)
    {
        if (!classification.Remedy.Any(MentionsGuest))
        {
            return classification;
        }

        var relations = SignInRuleValues.TenantRelation(classification.SignIn).ToList();
        if (relations.Count == 0 && !string.Equals(classification.SignIn.UserType, "guest", StringComparison.OrdinalIgnoreCase))
        {
            // Real exports (older Log Analytics rows) often carry no tenant ids: say the guest advice is conditional.
            var unknown = "The record does not say whether the user is a guest here (no crossTenantAccessType, homeTenantId or resourceTenantId). If the user is a member of this tenant (their user principal name is in one of its domains), do not invite them: they signed in with another account or to the wrong tenant. The guest steps below apply only to a user from another organisation.";
            var absent = new Evidence("tenantRelation", null, SignInFields.AbsentMeaning("tenantRelation"));
            return classification with { Evidence = classification.Evidence.Concat(new[] { absent }).ToList(), Remedy = new[] { unknown }.Concat(classification.Remedy).ToList() };
        }

        if (relations.Count == 0 || relations[0] is not { Value: "home" } home)
        {
            return classification;
        }

        var member = "The user signed in to their home tenant, so they are a member there: do not invite them as a guest. The app or browser presented another account (a personal or other-organisation account) or the wrong tenant: sign in with the work account, and check the tenant the app targets.";
        var remedy = new[] { member }.Concat(classification.Remedy.Where(line => !MentionsGuest(line))).ToList();
        var evidence = new Evidence(home.Path, home.Shown, "The user signed in to their home tenant: a guest invitation does not apply.");
        return classification with { Evidence = classification.Evidence.Concat(new[] { evidence }).ToList(), Remedy = remedy };
    }

    private static bool MentionsGuest(string line) =>
        line.IndexOf("guest", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("external user", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The evidence of the first HeadlessUserAccount rule whose conditions hold, whatever the code.</summary>
    private static List<Evidence>? HeadlessSignals(SignInEvent signIn, ClassificationData data)
    {
        foreach (var rule in data.Rules.Rules)
        {
            if (rule.Cause == FailureCause.HeadlessUserAccount && rule.Conditions.Count > 0 && RuleMatcher.TryMatch(rule, signIn, data, out var evidence))
            {
                return evidence;
            }
        }

        return null;
    }
}
