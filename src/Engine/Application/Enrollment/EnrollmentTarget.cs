using System;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// One user the caller asked about (by UPN, by id, or through a failure), with the strength a failure names. Graph
/// takes either form in users/{id-or-upn}; the report can only be filtered by UPN.
/// </summary>
public sealed class EnrollmentTarget
{
    public EnrollmentTarget(string? userId, string? userPrincipalName, StrongAuthFailure? failure = null)
    {
        UserId = Clean(userId);
        UserPrincipalName = Clean(userPrincipalName);
        if (UserId is null && UserPrincipalName is null)
        {
            throw new ArgumentException("A target needs a user id or a user principal name.");
        }

        Failure = failure;
    }

    public string? UserId { get; }

    public string? UserPrincipalName { get; }

    /// <summary>The piped failure this target came from: its CA evidence names the strength to test.</summary>
    public StrongAuthFailure? Failure { get; }

    /// <summary>Targets with the same key are one question: the same user, and the same failed strength if any.</summary>
    public string Key => LookupKey + "|" + Failure?.AuthenticationStrength;

    /// <summary>What Graph's users/{key} takes: the id when known, else the UPN.</summary>
    public string LookupKey => UserId ?? UserPrincipalName!;

    /// <summary>How the user is named in messages.</summary>
    public string DisplayKey => UserPrincipalName ?? UserId!;

    /// <summary>True when the user is named only by something that looks like an object id.</summary>
    public bool IsIdOnly => UserPrincipalName is null || Guid.TryParse(UserPrincipalName, out _);

    /// <summary>Whether a user record with this id and UPN is this target.</summary>
    public bool Matches(string? id, string? userPrincipalName) =>
        (UserId is not null && string.Equals(UserId, id, StringComparison.OrdinalIgnoreCase))
        || (UserPrincipalName is not null && string.Equals(UserPrincipalName, userPrincipalName, StringComparison.OrdinalIgnoreCase))
        || (UserPrincipalName is not null && string.Equals(UserPrincipalName, id, StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
