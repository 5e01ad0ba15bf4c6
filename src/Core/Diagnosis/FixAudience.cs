namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>Who acts on a fix: the person signing in, the developer or owner of the app or script, or the identity admin.</summary>
public enum FixAudience
{
    User,
    AppDeveloper,
    Admin,
}
