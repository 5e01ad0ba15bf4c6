using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.SignIns;

/// <summary>authenticationRequirementPolicies[]: which source demanded the requirement (user, request, v1ConditionalAccess …).</summary>
public sealed class AuthenticationRequirementPolicy
{
    public string? RequirementProvider { get; internal set; }

    public string? Detail { get; internal set; }
}

/// <summary>authenticationDetails[]: one step of the sign-in (primary authentication, MFA …) and its outcome.</summary>
public sealed class AuthenticationDetail
{
    /// <summary>Password, SMS, Authenticator App, "Previously satisfied", "Satisfied by token" …</summary>
    public string? AuthenticationMethod { get; internal set; }

    public string? AuthenticationMethodDetail { get; internal set; }

    public DateTimeOffset? AuthenticationStepDateTime { get; internal set; }

    /// <summary>"Primary authentication", "Multifactor authentication", or a strength's name.</summary>
    public string? AuthenticationStepRequirement { get; internal set; }

    /// <summary>Human text, e.g. "MFA requirement satisfied by claim in the token", "User declined the authentication".</summary>
    public string? AuthenticationStepResultDetail { get; internal set; }

    public bool? Succeeded { get; internal set; }
}

/// <summary>appliedConditionalAccessPolicies[], with the beta authentication strength flattened in.</summary>
public sealed class AppliedConditionalAccessPolicy
{
    public string? Id { get; internal set; }

    public string? DisplayName { get; internal set; }

    /// <summary>success, failure, notApplied, notEnabled, reportOnlySuccess, reportOnlyFailure, reportOnlyInterrupted …</summary>
    public string? Result { get; internal set; }

    /// <summary>e.g. "Mfa", "RequireCompliantDevice", "Block".</summary>
    public IReadOnlyList<string> EnforcedGrantControls { get; internal set; } = Array.Empty<string>();

    public IReadOnlyList<string> EnforcedSessionControls { get; internal set; } = Array.Empty<string>();

    public string? AuthenticationStrengthId { get; internal set; }

    public string? AuthenticationStrengthDisplayName { get; internal set; }

    /// <summary>satisfied, singleChallengeRequired, multipleChallengesRequired, singleRegistrationRequired,
    /// multipleRegistrationsRequired, cannotSatisfyDueToCombinationConfiguration, cannotSatisfy, skippedForProofUp, notSet.</summary>
    public string? AuthenticationStrengthResult { get; internal set; }
}

/// <summary>sessionLifetimePolicies[]: why a session had to be re-established (sign-in frequency, remembered MFA …).</summary>
public sealed class SessionLifetimePolicy
{
    /// <summary>signInFrequencyPeriodicReauthentication, signInFrequencyEveryTime, rememberMultifactorAuthenticationOnTrustedDevices …</summary>
    public string? ExpirationRequirement { get; internal set; }

    public string? Detail { get; internal set; }
}

/// <summary>networkLocationDetails[]: named / trusted networks the sign-in came from.</summary>
public sealed class NetworkLocationDetail
{
    public string? NetworkType { get; internal set; }

    public IReadOnlyList<string> NetworkNames { get; internal set; } = Array.Empty<string>();
}
