using System;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>
/// What a fix was for: a user (by UPN and/or object id), optionally narrowed to one client app, optionally with the
/// service principal or managed identity the automation should now sign in as.
/// </summary>
public sealed class RemediationSubject
{
    public RemediationSubject(string? userPrincipalName, string? userId, string? appId, string? servicePrincipalId = null)
    {
        if (string.IsNullOrWhiteSpace(userPrincipalName) && string.IsNullOrWhiteSpace(userId) && string.IsNullOrWhiteSpace(appId))
        {
            throw new ArgumentException("A subject needs a user principal name, a user id or an app id.");
        }

        UserPrincipalName = Clean(userPrincipalName);
        UserId = Clean(userId);
        AppId = Clean(appId);
        ServicePrincipalId = Clean(servicePrincipalId);
    }

    public string? UserPrincipalName { get; }

    public string? UserId { get; }

    /// <summary>The client app the automation used as the user; null: any app of the user.</summary>
    public string? AppId { get; }

    /// <summary>The service principal or managed identity (object id or app id) the automation should sign in as after the fix.</summary>
    public string? ServicePrincipalId { get; }

    /// <summary>True: judge as automation (Find-HeadlessUserSignIn findings). Null: automation when an app or a
    /// service principal is named, or when most of the user's sign-ins before the fix looked scripted.</summary>
    public bool? IsAutomation { get; init; }

    /// <summary>Whether a user sign-in belongs to this subject (by UPN or user id, and app when one is named).</summary>
    public bool MatchesUser(string? userPrincipalName, string? userId, string? appId)
    {
        var user = UserPrincipalName is null && UserId is null
            || Same(UserPrincipalName, userPrincipalName)
            || Same(UserId, userId);
        return user && (AppId is null || Same(AppId, appId));
    }

    /// <summary>A workload sign-in is this subject's replacement when it names the service principal (by object or
    /// app id), or the subject's app: a script that kept its app registration but now uses its own credential.</summary>
    public bool MatchesWorkload(string? servicePrincipalId, string? appId) =>
        ServicePrincipalId is not null && (Same(ServicePrincipalId, servicePrincipalId) || Same(ServicePrincipalId, appId))
        || AppId is not null && Same(AppId, appId);

    public override string ToString() =>
        (UserPrincipalName ?? UserId ?? "(any user)") + (AppId is null ? string.Empty : " / " + AppId);

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
