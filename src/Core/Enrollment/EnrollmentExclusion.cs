namespace EntraStrongAuth.Core.Enrollment;

/// <summary>Why a user was left out of the assessment on purpose.</summary>
public enum EnrollmentExclusion
{
    /// <summary>An external user: their MFA usually happens in their home tenant (unless cross-tenant trust says otherwise).</summary>
    Guest,

    /// <summary>The account is disabled (accountEnabled false): it cannot sign in, so its enrollment does not matter.</summary>
    Disabled,

    /// <summary>A named emergency-access account, excluded from the policies by design.</summary>
    BreakGlass,

    /// <summary>-Policy was given and none of its policies' user conditions (users, groups, roles, guests, exclusions) take the user in.</summary>
    OutOfPolicyScope,
}
