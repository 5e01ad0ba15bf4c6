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
/// Settable because the streaming readers fill it field by field.
/// </summary>
public sealed class SignInEvent
{
    public string? Id { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }

    public string? UserId { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? UserDisplayName { get; set; }

    /// <summary>member, guest …</summary>
    public string? UserType { get; set; }

    public string? AppId { get; set; }

    public string? AppDisplayName { get; set; }

    public string? ResourceId { get; set; }

    public string? ResourceDisplayName { get; set; }

    public string? ServicePrincipalId { get; set; }

    public string? IpAddress { get; set; }

    public long? AutonomousSystemNumber { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? CountryOrRegion { get; set; }

    /// <summary>Display strings: Browser, Mobile Apps and Desktop clients, Exchange ActiveSync, IMAP, SMTP …</summary>
    public string? ClientAppUsed { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>Null when the source does not say (e.g. AD FS adapter / NPS events).</summary>
    public bool? IsInteractive { get; set; }

    /// <summary>interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity …</summary>
    public IReadOnlyList<string> SignInEventTypes { get; set; } = Array.Empty<string>();

    /// <summary>none, oAuth2, ropc, wsFederation, saml20, deviceCode, authenticationTransfer, nativeAuth …</summary>
    public string? AuthenticationProtocol { get; set; }

    /// <summary>none, primaryRefreshToken, refreshToken, saml11, saml20, remoteDesktopToken …</summary>
    public string? IncomingTokenType { get; set; }

    public string? OriginalTransferMethod { get; set; }

    /// <summary>AzureAD, ADFederationServices, ADFederationServicesMFAAdapter, NPSExtension, AzureADBackupAuth …</summary>
    public string? TokenIssuerType { get; set; }

    public string? TokenIssuerName { get; set; }

    public string? CorrelationId { get; set; }

    public string? OriginalRequestId { get; set; }

    public string? SessionId { get; set; }

    /// <summary>status.errorCode: 0 is success.</summary>
    public int ErrorCode { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>status.additionalDetails, e.g. "MFA requirement satisfied by claim in the token".</summary>
    public string? AdditionalDetails { get; set; }

    /// <summary>singleFactorAuthentication or multiFactorAuthentication.</summary>
    public string? AuthenticationRequirement { get; set; }

    public IReadOnlyList<AuthenticationRequirementPolicy> AuthenticationRequirementPolicies { get; set; } = Array.Empty<AuthenticationRequirementPolicy>();

    public IReadOnlyList<AuthenticationDetail> AuthenticationDetails { get; set; } = Array.Empty<AuthenticationDetail>();

    public IReadOnlyList<string> AuthenticationMethodsUsed { get; set; } = Array.Empty<string>();

    public IReadOnlyList<AppliedConditionalAccessPolicy> AppliedConditionalAccessPolicies { get; set; } = Array.Empty<AppliedConditionalAccessPolicy>();

    /// <summary>success, failure, notApplied …</summary>
    public string? ConditionalAccessStatus { get; set; }

    public IReadOnlyList<SessionLifetimePolicy> SessionLifetimePolicies { get; set; } = Array.Empty<SessionLifetimePolicy>();

    public string? DeviceId { get; set; }

    public string? DeviceDisplayName { get; set; }

    public string? OperatingSystem { get; set; }

    public string? Browser { get; set; }

    public bool? IsCompliant { get; set; }

    public bool? IsManaged { get; set; }

    /// <summary>deviceDetail.trustType: Azure AD joined, Hybrid Azure AD joined, Azure AD registered …</summary>
    public string? TrustType { get; set; }

    public IReadOnlyList<NetworkLocationDetail> NetworkLocationDetails { get; set; } = Array.Empty<NetworkLocationDetail>();

    public string? RiskLevelDuringSignIn { get; set; }

    public string? RiskLevelAggregated { get; set; }

    public string? RiskState { get; set; }

    public string? RiskDetail { get; set; }

    public IReadOnlyList<string> RiskEventTypes { get; set; } = Array.Empty<string>();

    /// <summary>none, clientSecret, clientAssertion, federatedIdentityCredential, managedIdentity, certificate.</summary>
    public string? ClientCredentialType { get; set; }

    /// <summary>none, b2bCollaboration, b2bDirectConnect, microsoftSupport, serviceProvider, passthrough.</summary>
    public string? CrossTenantAccessType { get; set; }

    public string? HomeTenantId { get; set; }

    /// <summary>The tenant the user signed in to; differs from <see cref="HomeTenantId"/> for guests and other external users.</summary>
    public string? ResourceTenantId { get; set; }

    /// <summary>Where the record came from: "file:line" or "file#record", or the Graph request; for error messages and evidence.</summary>
    public string? Source { get; set; }

    public bool IsSuccess => ErrorCode == 0;

    public override string ToString() =>
        CreatedDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + UserPrincipalName + " " + AppDisplayName + " " + ErrorCode;
}
