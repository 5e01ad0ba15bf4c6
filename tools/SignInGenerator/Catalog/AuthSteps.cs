namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// authenticationDetails[] entries with the method names and result strings Entra logs (howto-mfa-reporting), so the
/// classifier is tested against the real wording, not our own.
/// </summary>
internal static class AuthSteps
{
    public const string Primary = "Primary authentication";
    public const string Mfa = "Multifactor authentication";

    /// <summary>Texts a user sees fail in the MFA step (status.additionalDetails repeats them).</summary>
    public const string Declined = "MFA denied; user declined the authentication";
    public const string NoResponse = "MFA denied; user didn't respond to mobile app notification";
    public const string NoMethods = "MFA denied; user doesn't have any verification methods registered";
    public const string MfaRequired = "MFA required in Azure AD";
    public const string MfaCompleted = "MFA completed in Azure AD";
    public const string ClaimInToken = "MFA requirement satisfied by claim in the token";
    public const string RegistrationRequired = "User needs to enroll for second factor authentication";

    public static AuthStep Password(DateTime at, bool cloudOnly = false) =>
        new(at, "Password", cloudOnly ? "Password in the cloud" : "Password Hash Sync", true, "Correct password", Primary);

    /// <summary>The first factor of a federated user, vouched for by AD FS.</summary>
    public static AuthStep FederatedPrimary(DateTime at) =>
        new(at, "Password", "Federated", true, "First factor requirement satisfied by claim in the token", Primary);

    /// <summary>The first factor of a refresh-token or PRT request.</summary>
    public static AuthStep TokenPrimary(DateTime at) =>
        new(at, "Previously satisfied", null, true, "First factor requirement satisfied by claim in the token", Primary);

    public static AuthStep MfaByClaim(DateTime at) =>
        new(at, "Previously satisfied", null, true, ClaimInToken, Mfa);

    public static AuthStep MfaPending(DateTime at) =>
        new(at, null, null, false, MfaRequired, Mfa);

    public static AuthStep PushApproved(DateTime at) =>
        new(at, "Mobile app notification", null, true, "MFA successfully completed", Mfa);

    public static AuthStep PushDenied(DateTime at, string detail) =>
        new(at, "Mobile app notification", null, false, detail, Mfa);

    public static AuthStep NoMethodRegistered(DateTime at) =>
        new(at, null, null, false, NoMethods, Mfa);

    public static AuthStep RegistrationPrompted(DateTime at) =>
        new(at, null, null, false, RegistrationRequired, Mfa);

    /// <summary>A FIDO2 key as the only step: it is both factors at once.</summary>
    public static AuthStep Fido2(DateTime at) =>
        new(at, "FIDO2 security key", "YubiKey 5 NFC", true, "MFA requirement satisfied by strong authentication", Primary);

    /// <summary>A refresh token or PRT the service no longer accepts (sign-in frequency, revocation).</summary>
    public static AuthStep TokenRejected(DateTime at, string detail) =>
        new(at, "Previously satisfied", null, false, detail, Primary);

    /// <summary>An MFA claim older than the tenant allows.</summary>
    public static AuthStep MfaClaimExpired(DateTime at) =>
        new(at, "Previously satisfied", null, false, "MFA requirement has expired due to the policies configured on tenant", Mfa);

    /// <summary>The MFA step the AD FS adapter should have vouched for and did not.</summary>
    public static AuthStep ExternalChallenge(DateTime at) =>
        new(at, null, null, false, "Redirected to external provider for MFA", Mfa);
}
