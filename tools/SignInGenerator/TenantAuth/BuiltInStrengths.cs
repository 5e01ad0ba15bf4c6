namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// The three built-in authentication strengths with the combinations Graph lists for them (authenticationStrengthPolicy
/// list examples; "Built-in authentication strengths" in the Entra docs). Combination names stay strings, as in Graph.
/// </summary>
internal static class BuiltInStrengths
{
    public const string PasswordlessId = "00000000-0000-0000-0000-000000000003";

    public static readonly StrengthPolicy Multifactor = new(Strengths.MultifactorId, Strengths.MultifactorName,
        "Combinations of methods that satisfy strong authentication, such as a password + SMS", BuiltIn: true, new[]
        {
            "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush",
            "temporaryAccessPassOneTime", "temporaryAccessPassMultiUse",
            "password,microsoftAuthenticatorPush", "password,softwareOath", "password,hardwareOath", "password,sms", "password,voice",
            "federatedMultiFactor", "microsoftAuthenticatorPush,federatedSingleFactor", "softwareOath,federatedSingleFactor",
            "hardwareOath,federatedSingleFactor", "sms,federatedSingleFactor", "voice,federatedSingleFactor",
        });

    public static readonly StrengthPolicy Passwordless = new(PasswordlessId, "Passwordless MFA",
        "Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator",
        BuiltIn: true, new[] { "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush" });

    public static readonly StrengthPolicy PhishingResistant = new(Strengths.PhishingResistantId, Strengths.PhishingResistantName,
        "Phishing-resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key",
        BuiltIn: true, new[] { "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor" });

    public static IReadOnlyList<StrengthPolicy> All { get; } = new[] { Multifactor, Passwordless, PhishingResistant };
}
