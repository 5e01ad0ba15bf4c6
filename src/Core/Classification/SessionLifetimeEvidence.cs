using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The record's own facts about how long its session was allowed to last: the sessionLifetimePolicies Entra ID applied
/// (sign-in frequency, remember MFA) and the session controls of the Conditional Access policies that applied. A stale
/// session claim cites these so the admin sees which setting ended the earlier proof, not only that one did.
/// </summary>
internal static class SessionLifetimeEvidence
{
    public static IEnumerable<Evidence> Of(SignInEvent signIn)
    {
        var lifetimes = signIn.SessionLifetimePolicies;
        for (var i = 0; i < lifetimes.Count; i++)
        {
            var policy = lifetimes[i];
            if (string.IsNullOrWhiteSpace(policy.ExpirationRequirement))
            {
                continue;
            }

            var detail = string.IsNullOrWhiteSpace(policy.Detail) ? string.Empty : " (" + policy.Detail + ")";
            yield return new Evidence(
                "sessionLifetimePolicies[" + Index(i) + "].expirationRequirement",
                policy.ExpirationRequirement,
                "The session lifetime setting Entra ID applied to this sign-in" + detail + ": it decides when earlier proof stops counting.");
        }

        var policies = signIn.AppliedConditionalAccessPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (policy.EnforcedSessionControls.Count == 0 || !ConditionalAccessResults.Applied(policy) || IsReportOnly(policy))
            {
                continue;
            }

            yield return new Evidence(
                "appliedConditionalAccessPolicies[" + Index(i) + "].enforcedSessionControls",
                string.Join(", ", policy.EnforcedSessionControls),
                "Session controls of Conditional Access policy '" + (policy.DisplayName ?? policy.Id) + "' (sign-in frequency or persistent browser session limit how long a sign-in counts).");
        }
    }

    private static bool IsReportOnly(AppliedConditionalAccessPolicy policy) =>
        policy.Result is not null && policy.Result.StartsWith("reportOnly", System.StringComparison.OrdinalIgnoreCase);

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
