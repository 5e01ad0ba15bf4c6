using System;

namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>
/// The facts about one user that a policy's user conditions read: the object id, and what tells guests and external
/// users apart (userType, and the #EXT# mark B2B accounts carry in their UPN).
/// </summary>
public sealed class ScopeUser
{
    public ScopeUser(string userId, string? userPrincipalName, string? userType)
    {
        UserId = userId ?? throw new ArgumentNullException(nameof(userId));
        UserPrincipalName = userPrincipalName;
        UserType = string.IsNullOrWhiteSpace(userType) ? null : userType!.Trim();
    }

    public string UserId { get; }

    public string? UserPrincipalName { get; }

    /// <summary>member or guest; null when the source did not say.</summary>
    public string? UserType { get; }

    /// <summary>
    /// The guestOrExternalUserTypes value this user is, or null when it cannot be told. A B2B account is created with
    /// #EXT# in its UPN; a guest without it was created in this tenant (internalGuest); a member without it is not
    /// external at all (empty string).
    /// </summary>
    public string? ExternalType
    {
        get
        {
            if (UserType is null || UserPrincipalName is null)
            {
                return null;
            }

            var b2b = UserPrincipalName.IndexOf("#EXT#", StringComparison.OrdinalIgnoreCase) >= 0;
            var guest = string.Equals(UserType, "guest", StringComparison.OrdinalIgnoreCase);
            return guest ? (b2b ? "b2bCollaborationGuest" : "internalGuest") : (b2b ? "b2bCollaborationMember" : string.Empty);
        }
    }
}
