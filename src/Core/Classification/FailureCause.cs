namespace EntraStrongAuth.Core.Classification;

/// <summary>The primary cause of a strong-authentication failure (docs/DESIGN.md §4). Exactly one per failure.</summary>
public enum FailureCause
{
    /// <summary>A silent (non-interactive) token request of an interactive-capable client met 50074/50076/50058: the app must go interactive.</summary>
    SilentAuthInteractionRequired,

    /// <summary>A script or service signs in as a user (ROPC, automation app, scripting user agent, cadence): it can never do MFA.</summary>
    HeadlessUserAccount,

    /// <summary>A Conditional Access policy (MFA grant or authentication strength) demanded a step-up the session did not have.</summary>
    PolicyStepUp,

    /// <summary>The session's strong-auth claim expired or was revoked: sign-in frequency, 50078/70043/70044/50173/50132/50133, risk.</summary>
    StaleSessionClaims,

    /// <summary>MFA required but the user has not registered a usable method (50079/50072, registration required).</summary>
    IncompleteEnrollment,

    /// <summary>The user's methods cannot satisfy the required authentication strength (cannotSatisfy*).</summary>
    CannotSatisfyStrength,

    /// <summary>MFA was attempted and failed or was denied (500121; "user declined", "did not respond").</summary>
    MfaAttemptFailed,

    /// <summary>MFA was to come from a federated IdP or external method and did not (50158, federated issuer).</summary>
    ExternalOrFederatedMfa,

    /// <summary>A normal interrupt: KMSI (50140), redirect confirmation (50199), or a step-up satisfied moments later.</summary>
    BenignInterrupt,

    /// <summary>Not a strong-authentication failure the rules recognise; the code's catalog entry still explains it.</summary>
    Other,
}
