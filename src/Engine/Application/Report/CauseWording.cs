using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>Each cause in one plain sentence, for readers who do not know the cause names.</summary>
internal static class CauseWording
{
    private static readonly Dictionary<FailureCause, string> Sentences = new()
    {
        [FailureCause.SilentAuthInteractionRequired] = "An app asked for a token silently and was told to ask the user interactively; the app has to show a sign-in prompt.",
        [FailureCause.HeadlessUserAccount] = "A script or service signs in as a user account; it can never answer an MFA prompt, so it has to move to a workload identity.",
        [FailureCause.PolicyStepUp] = "A Conditional Access policy asked for MFA or an authentication strength the session did not yet have.",
        [FailureCause.StaleSessionClaims] = "The session's MFA claim expired or was revoked (sign-in frequency, password change, risk), so MFA was asked again.",
        [FailureCause.IncompleteEnrollment] = "MFA was required but the user has not registered a method that can satisfy it.",
        [FailureCause.CannotSatisfyStrength] = "The user's registered methods cannot satisfy the authentication strength the policy requires.",
        [FailureCause.MfaAttemptFailed] = "MFA was attempted and failed, was denied, or got no answer.",
        [FailureCause.ExternalOrFederatedMfa] = "MFA was to come from a federated identity provider or an external method, and did not.",
        [FailureCause.BenignInterrupt] = "A normal interrupt (keep me signed in, redirect confirmation, or a step-up satisfied moments later): no action needed.",
        [FailureCause.Other] = "A failure the rules do not recognise as a strong-authentication cause; the error code's catalog entry still explains it.",
    };

    public static string Describe(FailureCause cause) => Sentences.TryGetValue(cause, out var sentence) ? sentence : cause.ToString();
}
