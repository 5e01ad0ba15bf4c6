using System.Collections.Generic;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Tests.Strength;

/// <summary>Registered methods and policies as Graph returns them, for the strength tests.</summary>
internal static class StrengthPersonas
{
    public const string YubiKey5Nfc = "2fc0579f-8113-47ea-b116-bb5a8db9202a";
    public const string OtherKey = "ee882879-721c-4913-9775-3dfcce97072a";
    public const string AuthenticatorIos = "90a3ccdf-635c-4729-a248-9b709135078f";

    public static readonly string[] AllMethods =
    {
        "Fido2", "MicrosoftAuthenticator", "Sms", "Voice", "Email", "SoftwareOath", "HardwareOath", "TemporaryAccessPass", "X509Certificate", "QRCodePin",
    };

    /// <summary>Every method enabled for the user, SMS sign-in allowed.</summary>
    public static UserMethodsPolicy AllEnabled => new(AllMethods) { SmsSignInAllowed = true };

    public static UserMethodsPolicy Without(params string[] disabled)
    {
        var enabled = new List<string>(AllMethods);
        enabled.RemoveAll(m => System.Array.IndexOf(disabled, m) >= 0);
        return new UserMethodsPolicy(enabled) { SmsSignInAllowed = true };
    }

    public static RegisteredMethod Password => new("#microsoft.graph.passwordAuthenticationMethod");

    public static RegisteredMethod Push => new("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod") { DisplayName = "Alex's iPhone" };

    public static RegisteredMethod Mobile => new("#microsoft.graph.phoneAuthenticationMethod") { PhoneType = "mobile", SmsSignInState = "ready" };

    public static RegisteredMethod Office => new("#microsoft.graph.phoneAuthenticationMethod") { PhoneType = "office", SmsSignInState = "notSupported" };

    public static RegisteredMethod Fido2(string aaguid = YubiKey5Nfc) => new("#microsoft.graph.fido2AuthenticationMethod") { Aaguid = aaguid, DisplayName = "Red key" };

    public static RegisteredMethod Hello => new("#microsoft.graph.windowsHelloForBusinessAuthenticationMethod") { DisplayName = "Jordan's Surface Book" };

    public static RegisteredMethod Email => new("#microsoft.graph.emailAuthenticationMethod");

    public static RegisteredMethod TapOneTime => new("#microsoft.graph.temporaryAccessPassAuthenticationMethod") { IsUsableOnce = true, IsUsable = true };

    public static RegisteredMethod TapMultiUse => new("#microsoft.graph.temporaryAccessPassAuthenticationMethod") { IsUsableOnce = false, IsUsable = true };

    public static RegisteredMethod CertSingle => new("x509CertificateAuthenticationMethod") { CertificateBinding = "x509CertificateSingleFactor", CertificateIssuerSki = "AAAA" };

    public static RegisteredMethod CertMulti => new("x509CertificateAuthenticationMethod") { CertificateBinding = "x509CertificateMultiFactor", CertificateIssuerSki = "9A4248C6AC8C2931AB2A86537818E92E7B6C97B6" };

    public static RegisteredMethod SoftwareOath => new("#microsoft.graph.softwareOathAuthenticationMethod");

    public static RegisteredMethod HardwareOath => new("#microsoft.graph.hardwareOathAuthenticationMethod");

    /// <summary>A persona by name, for the tables.</summary>
    public static RegisteredMethod[] Named(string persona) => persona switch
    {
        "nothing" => System.Array.Empty<RegisteredMethod>(),
        "password" => new[] { Password },
        "push" => new[] { Push },
        "sms" => new[] { Mobile },
        "fido2" => new[] { Fido2() },
        "whfb" => new[] { Hello },
        "email" => new[] { Email },
        "tap" => new[] { TapOneTime },
        "tapMulti" => new[] { TapMultiUse },
        "certSingle" => new[] { CertSingle },
        "certMulti" => new[] { CertMulti },
        "softwareOath" => new[] { SoftwareOath },
        "hardwareOath" => new[] { HardwareOath },
        _ => throw new System.ArgumentException("no persona " + persona),
    };
}
