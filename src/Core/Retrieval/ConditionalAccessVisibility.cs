using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// Without Policy.Read.All (or Policy.Read.ConditionalAccess) Graph returns appliedConditionalAccessPolicies as null
/// even when Conditional Access applied (microsoft-graph-docs-contrib #8761): a sign-in whose CA status says a policy
/// succeeded or failed but lists none means the details were hidden, not that there were none.
/// </summary>
public static class ConditionalAccessVisibility
{
    public static bool LooksHidden(SignInEvent record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        return record.AppliedConditionalAccessPolicies.Count == 0
            && (string.Equals(record.ConditionalAccessStatus, "success", StringComparison.OrdinalIgnoreCase)
                || string.Equals(record.ConditionalAccessStatus, "failure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The one warning of a run whose sign-ins came with their Conditional Access policies hidden.</summary>
    public static string HiddenWarning(string? exampleId) =>
        "Sign-ins came without their Conditional Access policies although Conditional Access applied (e.g. " + exampleId
        + "): Graph hides them from a caller without Policy.Read.All, so policy and strength evidence is missing. Read them with Policy.Read.All (Connect-EntraStrongAuth asks for it) for full findings.";
}
