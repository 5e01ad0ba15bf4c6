using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// One authenticationMethodConfiguration of the tenant's Authentication methods policy: its state, whom it targets,
/// and the settings of its subtype that change what the method can do. Settings a subtype lacks stay null.
/// </summary>
public sealed class MethodConfiguration
{
    public MethodConfiguration(string id, string state)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        State = state ?? throw new ArgumentNullException(nameof(state));
    }

    /// <summary>Graph's configuration id: Fido2, MicrosoftAuthenticator, Sms, Voice, Email, SoftwareOath, HardwareOath, TemporaryAccessPass, X509Certificate, QRCodePin …</summary>
    public string Id { get; }

    /// <summary>enabled or disabled.</summary>
    public string State { get; }

    public bool IsEnabled => string.Equals(State, "enabled", StringComparison.OrdinalIgnoreCase);

    /// <summary>The @odata.type without <c>#microsoft.graph.</c>, when the record gave it.</summary>
    public string? Kind { get; init; }

    public IReadOnlyList<MethodTarget> IncludeTargets { get; init; } = Array.Empty<MethodTarget>();

    public IReadOnlyList<MethodTarget> ExcludeTargets { get; init; } = Array.Empty<MethodTarget>();

    /// <summary>microsoftAuthenticator: isSoftwareOathEnabled.</summary>
    public bool? IsSoftwareOathEnabled { get; init; }

    /// <summary>voice: isOfficePhoneAllowed.</summary>
    public bool? IsOfficePhoneAllowed { get; init; }

    /// <summary>email: allowExternalIdToUseEmailOtp (default, enabled or disabled).</summary>
    public string? AllowExternalIdToUseEmailOtp { get; init; }

    /// <summary>fido2: keyRestrictions.</summary>
    public Fido2KeyRestrictions? KeyRestrictions { get; init; }

    /// <summary>x509Certificate: authenticationModeConfiguration.x509CertificateAuthenticationDefaultMode.</summary>
    public string? X509DefaultMode { get; init; }

    /// <summary>x509Certificate: authenticationModeConfiguration.rules.</summary>
    public IReadOnlyList<X509BindingRule> X509Rules { get; init; } = Array.Empty<X509BindingRule>();

    public override string ToString() => Id + " (" + State + ")";
}
