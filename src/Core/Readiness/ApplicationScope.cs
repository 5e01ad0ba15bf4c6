using System;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>
/// Whether a policy's application and client-app conditions take in one sign-in, three-valued like the user scope:
/// an app group the module cannot expand (Office365, MicrosoftAdminPortals) is Unknown, never Out. Conditional Access
/// targets the resource signed in to (the sign-in's resourceId: Azure management, Exchange Online …), not the client
/// app; a record without a resource is judged by its client app.
/// </summary>
public static class ApplicationScope
{
    private static readonly string[] AppGroups = { "Office365", "MicrosoftAdminPortals" };

    public static ScopeAnswer Evaluate(StrongAuthPolicy policy, string? resourceId, string? clientAppId, bool legacyClient) =>
        Evaluate(policy, resourceId ?? clientAppId, legacyClient);

    public static ScopeAnswer Evaluate(StrongAuthPolicy policy, string? appId, bool legacyClient)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (!ClientTypeIncluded(policy, legacyClient))
        {
            return ScopeAnswer.OutOfScope;
        }

        if (appId is not null && policy.ExcludeApplications.Any(a => Same(a, appId)))
        {
            return ScopeAnswer.OutOfScope;
        }

        var excludedGroup = policy.ExcludeApplications.Any(a => AppGroups.Any(g => Same(a, g)));
        if (policy.IncludeApplications.Any(a => Same(a, "All")) || (appId is not null && policy.IncludeApplications.Any(a => Same(a, appId))))
        {
            return excludedGroup ? ScopeAnswer.Unknown : ScopeAnswer.InScope;
        }

        // An app group may hold the app; without the group's member list the answer is not known.
        return policy.IncludeApplications.Any(a => AppGroups.Any(g => Same(a, g))) ? ScopeAnswer.Unknown : ScopeAnswer.OutOfScope;
    }

    // No clientAppTypes (or "all") takes in every client; otherwise legacy clients are "exchangeActiveSync" and "other".
    private static bool ClientTypeIncluded(StrongAuthPolicy policy, bool legacyClient) =>
        policy.ClientAppTypes.Count == 0
        || policy.ClientAppTypes.Any(t => Same(t, "all"))
        || (legacyClient
            ? policy.ClientAppTypes.Any(t => Same(t, "exchangeActiveSync") || Same(t, "other"))
            : policy.ClientAppTypes.Any(t => Same(t, "browser") || Same(t, "mobileAppsAndDesktopClients")));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
