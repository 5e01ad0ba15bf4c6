using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Filtering;

/// <summary>
/// -ExcludeUserPrincipalName and -ExcludeGuest: accounts an admin knows are not the problem (named break-glass
/// accounts, guests whose MFA is their home tenant's business). Excluded sign-ins are counted, not forgotten, so the
/// summary and -Verbose can say how much of the input was set aside.
/// </summary>
public sealed class SignInExclusions
{
    private readonly UserNamePatterns _users;
    private readonly bool _guests;

    public SignInExclusions(IEnumerable<string>? userPrincipalNames, bool guests)
    {
        _users = new UserNamePatterns(userPrincipalNames);
        _guests = guests;
    }

    public bool IsActive => !_users.IsEmpty || _guests;

    /// <summary>Every excluded sign-in, successes included.</summary>
    public long SignIns { get; private set; }

    /// <summary>Excluded sign-ins that failed (any non-zero error code).</summary>
    public long Failures { get; private set; }

    /// <summary>True (and counted) when the sign-in is excluded.</summary>
    public bool Excludes(SignInEvent signIn)
    {
        if (!Covers(signIn))
        {
            return false;
        }

        SignIns++;
        Failures += signIn.IsSuccess ? 0 : 1;
        return true;
    }

    /// <summary>True when the sign-in would be excluded; not counted (a look-ahead, e.g. at a live candidate).</summary>
    public bool Covers(SignInEvent signIn) => IsActive && (IsNamed(signIn) || (_guests && IsGuest(signIn)));

    /// <summary>
    /// A guest by userType, or an external user by tenant: signed in to a tenant other than its home tenant (only where
    /// the source has both ids; the admin center CSV, Graph beta and Log Analytics do).
    /// </summary>
    public static bool IsGuest(SignInEvent signIn) =>
        string.Equals(signIn.UserType?.Trim(), "guest", StringComparison.OrdinalIgnoreCase)
        || (!string.IsNullOrWhiteSpace(signIn.HomeTenantId)
            && !string.IsNullOrWhiteSpace(signIn.ResourceTenantId)
            && !string.Equals(signIn.HomeTenantId!.Trim(), signIn.ResourceTenantId!.Trim(), StringComparison.OrdinalIgnoreCase));

    private bool IsNamed(SignInEvent signIn) => _users.Matches(signIn.UserPrincipalName);
}
