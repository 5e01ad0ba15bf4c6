using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.SignIns;

/// <summary>
/// One sign-in, normalized from any source (Graph beta/v1.0 JSON, the Entra admin center download, Log Analytics /
/// Sentinel exports, the diagnostic-settings archive). Names follow Graph beta <c>signIn</c>; <c>status</c> is
/// flattened into <see cref="ErrorCode"/>, <see cref="FailureReason"/> and <see cref="AdditionalDetails"/> so the
/// object pipes into Resolve-AadstsError and exports to CSV cleanly.
/// Enum-like values stay strings (Graph adds members; an unknown value must never fail a parse). A property a
/// source does not carry is null (or an empty list), and classifiers say which evidence was absent.
/// Read-only to callers (it is output); the streaming readers fill it field by field through the internal setters,
/// as <see cref="SignInFieldRegistry"/> says.
/// </summary>
public sealed class SignInEvent
{
    public string? Id { get; internal set; }

    public DateTimeOffset CreatedDateTime { get; internal set; }

    public string? UserId { get; internal set; }

    public string? UserPrincipalName { get; internal set; }

    public string? UserDisplayName { get; internal set; }

    /// <summary>member, guest …</summary>
    public string? UserType { get; internal set; }

    public string? AppId { get; internal set; }

    public string? AppDisplayName { get; internal set; }

    public string? ResourceId { get; internal set; }

    public string? ResourceDisplayName { get; internal set; }

    public string? ServicePrincipalId { get; internal set; }

    public string? IpAddress { get; internal set; }

    public long? AutonomousSystemNumber { get; internal set; }

    public string? City { get; internal set; }

    public string? State { get; internal set; }

    public string? CountryOrRegion { get; internal set; }

    /// <summary>Display strings: Browser, Mobile Apps and Desktop clients, Exchange ActiveSync, IMAP, SMTP …</summary>
    public string? ClientAppUsed { get; internal set; }

    public string? UserAgent { get; internal set; }

    /// <summary>Null when the source does not say (e.g. AD FS adapter / NPS events).</summary>
    public bool? IsInteractive { get; internal set; }

    /// <summary>interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity …</summary>
    public IReadOnlyList<string> SignInEventTypes { get; internal set; } = Array.Empty<string>();

    /// <summary>none, oAuth2, ropc, wsFederation, saml20, deviceCode, authenticationTransfer, nativeAuth …</summary>
    public string? AuthenticationProtocol { get; internal set; }

    /// <summary>none, primaryRefreshToken, refreshToken, saml11, saml20, remoteDesktopToken …</summary>
    public string? IncomingTokenType { get; internal set; }

    public string? OriginalTransferMethod { get; internal set; }

    /// <summary>AzureAD, ADFederationServices, ADFederationServicesMFAAdapter, NPSExtension, AzureADBackupAuth …</summary>
    public string? TokenIssuerType { get; internal set; }

    public string? TokenIssuerName { get; internal set; }

    public string? CorrelationId { get; internal set; }

    public string? OriginalRequestId { get; internal set; }

    public string? SessionId { get; internal set; }

    /// <summary>status.errorCode: 0 is success.</summary>
    public int ErrorCode { get; internal set; }

    public string? FailureReason { get; internal set; }

    /// <summary>status.additionalDetails, e.g. "MFA requirement satisfied by claim in the token".</summary>
    public string? AdditionalDetails { get; internal set; }

    /// <summary>singleFactorAuthentication or multiFactorAuthentication.</summary>
    public string? AuthenticationRequirement { get; internal set; }

    public IReadOnlyList<AuthenticationRequirementPolicy> AuthenticationRequirementPolicies { get; internal set; } = Array.Empty<AuthenticationRequirementPolicy>();

    public IReadOnlyList<AuthenticationDetail> AuthenticationDetails { get; internal set; } = Array.Empty<AuthenticationDetail>();

    public IReadOnlyList<string> AuthenticationMethodsUsed { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies { get; internal set; } = Array.Empty<AppliedConditionalAccessPolicy>();

    /// <summary>success, failure, notApplied …</summary>
    public string? ConditionalAccessStatus { get; internal set; }

    public IReadOnlyList<SessionLifetimePolicy> SessionLifetimePolicies { get; internal set; } = Array.Empty<SessionLifetimePolicy>();

    public string? DeviceId { get; internal set; }

    public string? DeviceDisplayName { get; internal set; }

    public string? OperatingSystem { get; internal set; }

    public string? Browser { get; internal set; }

    public bool? IsCompliant { get; internal set; }

    public bool? IsManaged { get; internal set; }

    /// <summary>deviceDetail.trustType: Azure AD joined, Hybrid Azure AD joined, Azure AD registered …</summary>
    public string? TrustType { get; internal set; }

    /// <summary>mfaDetail.authMethod (beta; the admin center's "Multifactor authentication auth method"): e.g. "PhoneAppNotification".</summary>
    public string? MfaAuthMethod { get; internal set; }

    /// <summary>mfaDetail.authDetail: the method's detail, e.g. a masked phone number.</summary>
    public string? MfaAuthDetail { get; internal set; }

    public IReadOnlyList<NetworkLocationDetail> NetworkLocationDetails { get; internal set; } = Array.Empty<NetworkLocationDetail>();

    public string? RiskLevelDuringSignIn { get; internal set; }

    public string? RiskLevelAggregated { get; internal set; }

    public string? RiskState { get; internal set; }

    public string? RiskDetail { get; internal set; }

    public IReadOnlyList<string> RiskEventTypes { get; internal set; } = Array.Empty<string>();

    /// <summary>none, clientSecret, clientAssertion, federatedIdentityCredential, managedIdentity, certificate.</summary>
    public string? ClientCredentialType { get; internal set; }

    /// <summary>none, b2bCollaboration, b2bDirectConnect, microsoftSupport, serviceProvider, passthrough.</summary>
    public string? CrossTenantAccessType { get; internal set; }

    public string? HomeTenantId { get; internal set; }

    /// <summary>The tenant the user signed in to; differs from <see cref="HomeTenantId"/> for guests and other external users.</summary>
    public string? ResourceTenantId { get; internal set; }

    /// <summary>Where the record came from: "file:line" or "file#record", or the Graph request; for error messages and evidence.</summary>
    public string? Source { get; internal set; }

    public bool IsSuccess => ErrorCode == 0;

    public override string ToString() =>
        CreatedDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + UserPrincipalName + " " + AppDisplayName + " " + ErrorCode;
}
