using EntraStrongAuth.SignInGenerator.Personas;

namespace EntraStrongAuth.SignInGenerator.Model;

/// <summary>A directory user (member, guest or service account) and the persona that drives their sign-ins.</summary>
internal sealed class TenantUser
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public required string DisplayName { get; init; }

    public required Persona Persona { get; init; }

    /// <summary>member or guest (Graph casing).</summary>
    public string UserType { get; init; } = "member";

    /// <summary>none, or b2bCollaboration for guests.</summary>
    public string CrossTenantAccessType { get; init; } = "none";

    public required string HomeTenantId { get; init; }

    public DeviceInfo? Device { get; init; }

    public required Place Office { get; init; }

    public required Place Home { get; init; }

    /// <summary>The last byte (or IPv6 group) of the user's addresses, so each user keeps stable IPs.</summary>
    public required int IpHost { get; init; }

    public AuthMethods Methods { get; init; }

    public bool IsAdmin { get; init; }

    /// <summary>A user account run by a script: excluded from the all-users MFA policy, as such accounts often are.</summary>
    public bool IsServiceAccount { get; init; }

    public bool IsBreakGlass { get; init; }

    /// <summary>The authentication methods policy does not enable any phishing-resistant method for this user.</summary>
    public bool PhishingResistantDisabled { get; init; }

    public bool HasMfaMethod => (Methods & (AuthMethods.AuthenticatorPush | AuthMethods.Sms | AuthMethods.SoftwareOath | AuthMethods.Fido2)) != 0;

    public bool HasPhishingResistantMethod => (Methods & AuthMethods.Fido2) != 0;
}
