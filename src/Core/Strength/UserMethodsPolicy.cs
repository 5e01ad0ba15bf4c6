using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// The Authentication methods policy as it applies to one user: which method configurations are enabled for the
/// user (the caller resolves include/exclude group targeting), and the per-method settings that change what a method
/// can do. Method names are Graph's authenticationMethodConfiguration ids: Fido2, MicrosoftAuthenticator, Sms, Voice,
/// Email, SoftwareOath, HardwareOath, TemporaryAccessPass, X509Certificate, QRCodePin.
/// </summary>
public sealed class UserMethodsPolicy
{
    private readonly HashSet<string> _enabled;

    public UserMethodsPolicy(IEnumerable<string> enabledMethods)
    {
        _enabled = new HashSet<string>(
            (enabledMethods ?? throw new ArgumentNullException(nameof(enabledMethods))).Select(m => m.Trim()),
            StringComparer.OrdinalIgnoreCase);
        IsKnown = true;
    }

    private UserMethodsPolicy()
    {
        _enabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IsKnown = false;
    }

    /// <summary>
    /// The policy could not be read (e.g. no Policy.Read.AuthenticationMethod): every method is treated as enabled
    /// and the evaluation says its answer rests on that assumption.
    /// </summary>
    public static UserMethodsPolicy Unknown { get; } = new();

    /// <summary>The names every requirement in method-modes.json may use.</summary>
    public static IReadOnlyList<string> RequirementNames { get; } = new[]
    {
        "Fido2", "MicrosoftAuthenticator", "MicrosoftAuthenticator:push", "MicrosoftAuthenticator:deviceBasedPush",
        "MicrosoftAuthenticator:softwareOath", "Sms", "Sms:signIn", "Voice", "Voice:officePhone", "Email",
        "Email:externalUsers", "SoftwareOath", "HardwareOath", "TemporaryAccessPass", "X509Certificate", "QRCodePin",
    };

    public bool IsKnown { get; }

    public IReadOnlyCollection<string> EnabledMethods => _enabled;

    /// <summary>Microsoft Authenticator authenticationMode for the user's target: any, push or deviceBasedPush.</summary>
    public string AuthenticatorMode { get; init; } = "any";

    /// <summary>microsoftAuthenticatorAuthenticationMethodConfiguration.isSoftwareOathEnabled (Graph's default: false).</summary>
    public bool AuthenticatorSoftwareOathEnabled { get; init; }

    /// <summary>smsAuthenticationMethodTarget.isUsableForSignIn for the user's target; null when not given.</summary>
    public bool? SmsSignInAllowed { get; init; }

    /// <summary>voiceAuthenticationMethodConfiguration.isOfficePhoneAllowed (Graph's default: false).</summary>
    public bool VoiceOfficePhoneAllowed { get; init; }

    /// <summary>emailAuthenticationMethodConfiguration.allowExternalIdToUseEmailOtp is not 'disabled'.</summary>
    public bool EmailOtpForExternalUsers { get; init; } = true;

    /// <summary>The FIDO2 policy's key restrictions; null when not enforced.</summary>
    public Fido2KeyRestrictions? Fido2KeyRestrictions { get; init; }

    /// <summary>x509CertificateAuthenticationDefaultMode: the binding of a certificate no rule matches.</summary>
    public string X509DefaultBinding { get; init; } = "x509CertificateSingleFactor";

    /// <summary>The certificate binding rules (issuer or policy OID to single- or multifactor), first match wins.</summary>
    public IReadOnlyList<X509BindingRule> X509BindingRules { get; init; } = Array.Empty<X509BindingRule>();

    public bool IsMethodEnabled(string method) => !IsKnown || _enabled.Contains(method);

    /// <summary>Whether one requirement name of method-modes.json is met for the user. An unknown policy meets every requirement.</summary>
    public bool Meets(string requirement)
    {
        if (!IsKnown)
        {
            return true;
        }

        var parts = (requirement ?? string.Empty).Split(':');
        var method = parts[0];
        if (!_enabled.Contains(method))
        {
            return false;
        }

        var feature = parts.Length > 1 ? parts[1] : null;
        return feature switch
        {
            null => true,
            "push" => AuthenticatorMode is "any" or "push",
            "deviceBasedPush" => AuthenticatorMode is "any" or "deviceBasedPush",
            "softwareOath" => AuthenticatorSoftwareOathEnabled,
            "signIn" => SmsSignInAllowed ?? true,
            "officePhone" => VoiceOfficePhoneAllowed,
            "externalUsers" => EmailOtpForExternalUsers,
            _ => false,
        };
    }

    /// <summary>Whether the FIDO2 policy's key restrictions let this AAGUID register and sign in.</summary>
    public bool AllowsAaguid(string? aaguid)
    {
        var restrictions = Fido2KeyRestrictions;
        if (!IsKnown || restrictions is null || !restrictions.IsEnforced)
        {
            return true;
        }

        var listed = aaguid is not null && restrictions.Aaguids.Contains(aaguid, StringComparer.OrdinalIgnoreCase);
        return restrictions.IsAllowList ? listed : !listed;
    }
}
