using System;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// The live answer for one requested user: who the user is and the methods registered now, or why there is no
/// answer (not found, or an error for this user alone).
/// </summary>
public sealed class UserMethodsLookup
{
    public UserMethodsLookup(string requested)
    {
        Requested = requested ?? throw new ArgumentNullException(nameof(requested));
    }

    /// <summary>The object id or UPN as the caller gave it.</summary>
    public string Requested { get; }

    /// <summary>False when Graph has no such user (404); <see cref="ErrorId"/> then is UserNotFound.</summary>
    public bool Found { get; init; }

    public string? UserId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>member or guest.</summary>
    public string? UserType { get; init; }

    public bool? AccountEnabled { get; init; }

    /// <summary>The methods (Source Live, AsOf the read time); null when they could not be read.</summary>
    public UserMethodsSnapshot? Methods { get; init; }

    public string? ErrorId { get; init; }

    public string? ErrorMessage { get; init; }

    public override string ToString() => Requested + (Found ? string.Empty : " (" + (ErrorId ?? "not found") + ")");
}
