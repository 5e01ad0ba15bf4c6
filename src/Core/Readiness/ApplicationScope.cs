using System;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>
/// Whether a policy's application and client-app conditions take in one app and client, three-valued like the user
/// scope: an app group the module cannot expand (Office365, MicrosoftAdminPortals) is Unknown, never Out. A policy's
/// cloud apps are the resources signed in to (Azure Resource Manager, an API); the client app id is matched as well,
/// since a policy may name the app a user opens.
/// </summary>
public static class ApplicationScope
{
    private static readonly string[] AppGroups = { "Office365", "MicrosoftAdminPortals" };

    public static ScopeAnswer Evaluate(StrongAuthPolicy policy, string? appId, string? resourceId, bool legacyClient)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (!ClientTypeIncluded(policy, legacyClient))
        {
            return ScopeAnswer.OutOfScope;
        }

        var ids = new[] { appId, resourceId }.Where(id => id is not null).Select(id => id!).ToList();
        if (policy.ExcludeApplications.Any(a => ids.Any(id => Same(a, id))))
        {
            return ScopeAnswer.OutOfScope;
        }

        var excludedGroup = policy.ExcludeApplications.Any(a => AppGroups.Any(g => Same(a, g)));
        if (policy.IncludeApplications.Any(a => Same(a, "All")) || policy.IncludeApplications.Any(a => ids.Any(id => Same(a, id))))
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
