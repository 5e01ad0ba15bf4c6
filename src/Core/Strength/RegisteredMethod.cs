using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// One method a user has registered: from <c>users/{id}/authentication/methods</c> (Kind is the @odata.type, e.g.
/// <c>#microsoft.graph.fido2AuthenticationMethod</c>) or from the registration report (Kind is a
/// <c>methodsRegistered</c> value, e.g. <c>microsoftAuthenticatorPush</c>). The details matter where a property
/// decides what the method can do: a FIDO2 key's AAGUID, a phone's type, a TAP's one-time use, a certificate's issuer.
/// </summary>
public sealed class RegisteredMethod
{
    private const string GraphPrefix = "microsoft.graph.";

    public RegisteredMethod(string kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException("A registered method needs its kind (@odata.type or methodsRegistered value).", nameof(kind));
        }

        Kind = NormalizeKind(kind);
    }

    /// <summary>The kind without <c>#microsoft.graph.</c>: <c>fido2AuthenticationMethod</c>, <c>mobilePhone</c> …</summary>
    public string Kind { get; }

    public string? Id { get; init; }

    /// <summary>Graph's displayName: the key's name, or for Windows Hello the device it was set up on.</summary>
    public string? DisplayName { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    /// <summary>FIDO2 / passkey authenticator model (fido2AuthenticationMethod.aaGuid).</summary>
    public string? Aaguid { get; init; }

    /// <summary>mobile, alternateMobile or office (phoneAuthenticationMethod.phoneType).</summary>
    public string? PhoneType { get; init; }

    /// <summary>ready, notSupported, notAllowedByPolicy, notEnabled … (phoneAuthenticationMethod.smsSignInState).</summary>
    public string? SmsSignInState { get; init; }

    /// <summary>Temporary Access Pass: one-time (true) or multi-use (false).</summary>
    public bool? IsUsableOnce { get; init; }

    /// <summary>Temporary Access Pass: still usable (false once expired or used).</summary>
    public bool? IsUsable { get; init; }

    /// <summary>Certificate: subject key identifier of the issuing CA.</summary>
    public string? CertificateIssuerSki { get; init; }

    /// <summary>Certificate: issuer subject name, matched against the CBA policy's issuerSubject binding rules.</summary>
    public string? CertificateIssuer { get; init; }

    public IReadOnlyList<string> CertificatePolicyOids { get; init; } = Array.Empty<string>();

    /// <summary>Certificate: x509CertificateSingleFactor or x509CertificateMultiFactor when the caller already knows it; otherwise the policy's binding rules decide.</summary>
    public string? CertificateBinding { get; init; }

    /// <summary>True for a password the evaluator assumed (members have one unless the caller says otherwise).</summary>
    public bool IsAssumed { get; init; }

    public static string NormalizeKind(string kind)
    {
        var text = (kind ?? string.Empty).Trim().TrimStart('#');
        return text.StartsWith(GraphPrefix, StringComparison.OrdinalIgnoreCase) ? text.Substring(GraphPrefix.Length) : text;
    }

    public override string ToString()
    {
        var name = DisplayName ?? Aaguid ?? PhoneType;
        return name is null ? Kind : Kind + " (" + name + ")";
    }
}
