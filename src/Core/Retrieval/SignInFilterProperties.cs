using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// The signIn properties Microsoft Graph's <c>$filter</c> accepts, with their operators: every property the signIn
/// resource (beta, the version the module reads) marks "Supports $filter", nested ones as Graph names them
/// (<c>status/errorCode</c>). <see cref="RawFilterClause"/> refuses any other property in Get-SignInLog -Filter, and
/// its InvalidFilter recommendation lists these, generated from this one table.
/// </summary>
internal static class SignInFilterProperties
{
    private const string Eq = "eq";
    private const string StartsWith = "startswith";

    public static IReadOnlyList<FilterableProperty> All { get; } = new FilterableProperty[]
    {
        new("appDisplayName", Eq, StartsWith),
        new("appId", Eq),
        new("authenticationRequirement", Eq, StartsWith),
        new("clientAppUsed", Eq),
        new("conditionalAccessAudiences", Eq),
        new("conditionalAccessStatus", Eq),
        new("correlationId", Eq),
        new("createdDateTime", Eq, "le", "ge"),
        new("deviceDetail/browser", Eq, StartsWith),
        new("deviceDetail/operatingSystem", Eq, StartsWith),
        new("id", Eq),
        new("ipAddress", Eq, StartsWith),
        new("location/city", Eq, StartsWith),
        new("location/countryOrRegion", Eq, StartsWith),
        new("location/state", Eq, StartsWith),
        new("originalRequestId", Eq),
        new("resourceDisplayName", Eq),
        new("resourceId", Eq),
        new("riskDetail", Eq),
        new("riskEventTypes_v2", Eq, StartsWith),
        new("riskLevelAggregated", Eq),
        new("riskLevelDuringSignIn", Eq),
        new("riskState", Eq),
        new("servicePrincipalId", Eq, StartsWith),
        new("signInEventTypes", "any(t: t eq)", "any(t: t ne)"),
        new("status/errorCode", Eq),
        new("tokenIssuerName", Eq),
        new("userAgent", Eq, StartsWith),
        new("userDisplayName", Eq, StartsWith),
        new("userId", Eq),
        new("userPrincipalName", Eq, StartsWith),
    };

    /// <summary>True when Graph filters sign-ins on <paramref name="path"/> (names compare without case, as Graph's do).</summary>
    public static bool Accepts(string path) =>
        All.Any(property => string.Equals(property.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every property with its operators, for messages: "appDisplayName (eq, startswith), appId (eq), …".</summary>
    public static string Listing() =>
        string.Join(", ", All.Select(property => property.Path + " (" + string.Join(", ", property.Operators) + ")"));
}
