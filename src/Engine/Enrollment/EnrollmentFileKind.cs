namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>What a -Path file of Test-MfaEnrollment holds, told from its extension and its first bytes.</summary>
public enum EnrollmentFileKind
{
    Unknown,

    /// <summary>The admin center's registration report download, or Export-Csv of the Graph report.</summary>
    RegistrationExport,

    /// <summary>userRegistrationDetails as Graph JSON (a page, an array or NDJSON).</summary>
    RegistrationJson,

    /// <summary>One user's users/{id}/authentication/methods response.</summary>
    UserMethods,

    /// <summary>policies/authenticationMethodsPolicy.</summary>
    MethodsPolicy,

    /// <summary>Authentication strengths and/or Conditional Access policies (Get-StrongAuthPolicy -Path reads the same).</summary>
    PoliciesOrStrengths,

    /// <summary>Groups or directory roles with their members expanded (who a policy's group and role conditions take in).</summary>
    DirectoryMembers,
}
