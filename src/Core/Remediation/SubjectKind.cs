namespace EntraStrongAuth.Core.Remediation;

/// <summary>How a subject was judged: a person must now satisfy MFA; automation must stop signing in as the user.</summary>
public enum SubjectKind
{
    Person,
    Automation,
}
