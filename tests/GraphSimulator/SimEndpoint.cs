using System;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>The Graph APIs the simulator serves: what fault rules, random faults and denied-permission modes target.</summary>
public enum SimEndpoint
{
    /// <summary>Anything the simulator does not serve (a 404).</summary>
    Unknown,

    SignIns,
    Organization,
    UserRegistrationDetails,
    AuthenticationMethods,
    AuthenticationMethodsPolicy,
    GroupTransitiveMembers,
    RoleAssignments,
    ConditionalAccessPolicies,
    AuthenticationStrengthPolicies,

    /// <summary>POST /$batch itself (its inner requests carry their own endpoint).</summary>
    Batch,

    /// <summary>GET users/{id or userPrincipalName}, one user (with $select).</summary>
    User,

    /// <summary>POST directoryObjects/getByIds: users, groups and service principals by object id.</summary>
    DirectoryObjectsByIds,

    /// <summary>GET servicePrincipals (with $filter on appId).</summary>
    ServicePrincipals,

    /// <summary>POST /v1/workspaces/{workspaceId}/query: the Log Analytics query API (not Graph; same host).</summary>
    LogAnalyticsQuery,
}

/// <summary>Maps a request path (with its /beta or /v1.0 prefix) to the endpoint and the path's parameter.</summary>
internal static class SimEndpoints
{
    /// <summary>The endpoint of <paramref name="path"/>; <paramref name="key"/> is the user or group id for the per-object ones.</summary>
    public static SimEndpoint Classify(string path, out string? key)
    {
        key = null;
        string[] segments = path.Trim('/').Split('/');
        if (segments.Length == 4 && segments[0] == "v1" && Eq(segments[1], "workspaces") && Eq(segments[3], "query"))
        {
            key = segments[2];
            return SimEndpoint.LogAnalyticsQuery;
        }

        if (segments.Length < 2 || segments[0] is not ("beta" or "v1.0"))
        {
            return SimEndpoint.Unknown;
        }

        bool beta = segments[0] == "beta";
        var rest = segments.AsSpan(1);
        if (rest.Length == 1 && rest[0] == "$batch")
        {
            return SimEndpoint.Batch;
        }

        if (Is(rest, "auditLogs", "signIns"))
        {
            return SimEndpoint.SignIns;
        }

        if (Is(rest, "organization"))
        {
            return SimEndpoint.Organization;
        }

        if (Is(rest, "reports", "authenticationMethods", "userRegistrationDetails"))
        {
            return SimEndpoint.UserRegistrationDetails;
        }

        if (rest.Length == 2 && Eq(rest[0], "users"))
        {
            key = Uri.UnescapeDataString(rest[1]);
            return SimEndpoint.User;
        }

        if (rest.Length == 4 && Eq(rest[0], "users") && Eq(rest[2], "authentication") && Eq(rest[3], "methods"))
        {
            key = Uri.UnescapeDataString(rest[1]);
            return SimEndpoint.AuthenticationMethods;
        }

        // transitiveMembers, or its users only through the type cast segment (…/transitiveMembers/microsoft.graph.user).
        if ((rest.Length == 3 || (rest.Length == 4 && Eq(rest[3], "microsoft.graph.user"))) && Eq(rest[0], "groups") && Eq(rest[2], "transitiveMembers"))
        {
            key = Uri.UnescapeDataString(rest[1]);
            return SimEndpoint.GroupTransitiveMembers;
        }

        if (Is(rest, "directoryObjects", "getByIds"))
        {
            return SimEndpoint.DirectoryObjectsByIds;
        }

        if (Is(rest, "servicePrincipals"))
        {
            return SimEndpoint.ServicePrincipals;
        }

        if (Is(rest, "roleManagement", "directory", "roleAssignments"))
        {
            return SimEndpoint.RoleAssignments;
        }

        if (Is(rest, "policies", "authenticationMethodsPolicy"))
        {
            return SimEndpoint.AuthenticationMethodsPolicy;
        }

        if (Is(rest, "identity", "conditionalAccess", "policies"))
        {
            return SimEndpoint.ConditionalAccessPolicies;
        }

        // v1.0 lists strengths under policies/; beta has that path and identity/conditionalAccess/authenticationStrength/policies.
        if (Is(rest, "policies", "authenticationStrengthPolicies") || (beta && Is(rest, "identity", "conditionalAccess", "authenticationStrength", "policies")))
        {
            return SimEndpoint.AuthenticationStrengthPolicies;
        }

        return SimEndpoint.Unknown;
    }

    private static bool Is(ReadOnlySpan<string> segments, params string[] expected)
    {
        if (segments.Length != expected.Length)
        {
            return false;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!Eq(segments[i], expected[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Graph's path segments are case-insensitive.
    private static bool Eq(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
