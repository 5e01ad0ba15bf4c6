using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// One include or exclude target of a method configuration (authenticationMethodTarget and its per-method subtypes):
/// a group (or the pseudo-group <c>all_users</c>) or, in some tenants, one user, with the settings that subtype carries.
/// </summary>
public sealed class MethodTarget
{
    /// <summary>The id Graph uses for "every user in the tenant".</summary>
    public const string AllUsers = "all_users";

    public MethodTarget(string id, string? targetType = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        TargetType = string.IsNullOrWhiteSpace(targetType) ? "group" : targetType!;
    }

    /// <summary>A group id, a user id, or <see cref="AllUsers"/>.</summary>
    public string Id { get; }

    /// <summary>group or user (Graph's authenticationMethodTargetType); group when the record does not say.</summary>
    public string TargetType { get; }

    public bool IsAllUsers => string.Equals(Id, AllUsers, StringComparison.OrdinalIgnoreCase);

    public bool IsGroup => !IsAllUsers && string.Equals(TargetType, "group", StringComparison.OrdinalIgnoreCase);

    /// <summary>microsoftAuthenticatorAuthenticationMethodTarget.authenticationMode: any, push or deviceBasedPush.</summary>
    public string? AuthenticationMode { get; init; }

    /// <summary>smsAuthenticationMethodTarget.isUsableForSignIn.</summary>
    public bool? IsUsableForSignIn { get; init; }

    /// <summary>Whether this target names the user: all_users, the user's own id, or a group the user is in.</summary>
    public bool Matches(string userId, ICollection<string> groupIdsOfUser)
    {
        if (IsAllUsers)
        {
            return true;
        }

        return IsGroup
            ? groupIdsOfUser.Contains(Id)
            : string.Equals(Id, userId, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => TargetType + ":" + Id;
}
