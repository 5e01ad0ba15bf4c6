namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>The registration report fields an export column can hold.</summary>
internal enum RegistrationColumn
{
    None,
    Id,
    UserPrincipalName,
    DisplayName,
    UserType,
    IsAdmin,
    IsMfaRegistered,
    IsMfaCapable,
    IsPasswordlessCapable,
    MethodsRegistered,
    DefaultMfaMethod,
    LastUpdated,
}
