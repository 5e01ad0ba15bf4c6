using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// The fix for each audience, per cause, filled in with what the steps found: the app, the policy, the methods to
/// register, the workload identity to move to. An audience with nothing to do is left out.
/// </summary>
internal static class DiagnosisFixes
{
    private static FixAudience PrimaryAudience(FailureCause cause) => cause switch
    {
        FailureCause.SilentAuthInteractionRequired => FixAudience.AppDeveloper,
        FailureCause.PolicyStepUp or FailureCause.IncompleteEnrollment or FailureCause.MfaAttemptFailed => FixAudience.User,
        _ => FixAudience.Admin,
    };

    public static IReadOnlyList<DiagnosisFix> For(FailureCause cause, DiagnosisInput input, HeadlessFinding? headless)
    {
        var app = "'" + (input.Failure.AppDisplayName ?? input.Failure.AppId ?? "the app") + "'";
        var policy = input.Failure.ConditionalAccessPolicies.Count == 0 ? "the policy" : "'" + input.Failure.ConditionalAccessPolicies[0] + "'";
        var fixes = new List<DiagnosisFix>();
        void Add(FixAudience audience, string action) => fixes.Add(new DiagnosisFix(audience, action));
        switch (cause)
        {
            case FailureCause.SilentAuthInteractionRequired:
                Add(FixAudience.User, "Open " + app + " and sign in when it asks; approve the MFA prompt.");
                Add(FixAudience.AppDeveloper, "Catch interaction_required (MsalUiRequiredException) after a silent token request and sign in interactively, passing the claims challenge; silent retries never satisfy it.");
                Add(FixAudience.Admin, "Send the app's owner the developer fix; until it ships, users recover by signing in to " + app + " interactively.");
                break;
            case FailureCause.HeadlessUserAccount:
                var target = headless is null ? "a workload identity (managed identity, workload identity federation or a certificate service principal)" : AccountKindStep.Kind(headless.Recommendation.IdentityKind);
                Add(FixAudience.AppDeveloper, "Change the script to sign in as " + target + " instead of the user account" + (headless is null ? "." : " (step 6 lists the steps)."));
                Add(FixAudience.Admin, "Create " + target + " with the permissions the account used, then retire the account's password sign-in. Do not exclude the account from MFA.");
                break;
            case FailureCause.PolicyStepUp:
                Add(FixAudience.User, "Complete the MFA prompt when " + app + " asks: " + policy + " requires it here.");
                Add(FixAudience.AppDeveloper, "Handle the step-up (claims challenge) by signing in interactively with the claims the error returns.");
                Add(FixAudience.Admin, "Nothing if " + policy + " is meant to step up here; otherwise narrow its apps or authentication context.");
                break;
            case FailureCause.StaleSessionClaims:
                Add(FixAudience.User, "Sign in again with MFA.");
                Add(FixAudience.AppDeveloper, "Treat a refresh failure (invalid_grant, interaction_required) as a request to sign in interactively.");
                Add(FixAudience.Admin, "Review " + policy + "'s sign-in frequency and the risk and location policies: a changed network or risk ends earlier proof.");
                break;
            case FailureCause.IncompleteEnrollment:
            case FailureCause.CannotSatisfyStrength:
                var methods = input.Enrollment is { MethodsToAdd.Count: > 0 } e ? string.Join(" or ", e.MethodsToAdd) : "a method the policy allows";
                Add(FixAudience.User, "Register " + methods + " at https://aka.ms/mysecurityinfo.");
                Add(FixAudience.Admin, input.Enrollment is { OutcomeKind: EnrollmentOutcome.Impossible } impossible
                    ? "Change the Authentication methods policy or the strength: " + string.Join(" ", impossible.PolicyChangesNeeded)
                    : "Issue a Temporary Access Pass so the user can register; check that the Authentication methods policy lets them use " + methods + ".");
                break;
            case FailureCause.MfaAttemptFailed:
                Add(FixAudience.User, "Try again and approve only a prompt you started; report prompts you did not start.");
                Add(FixAudience.Admin, "If the user did not start it, treat it as MFA fatigue: reset the password and review the sign-in's risk.");
                break;
            case FailureCause.ExternalOrFederatedMfa:
                Add(FixAudience.User, "Complete MFA at your own identity provider or home organization when redirected.");
                Add(FixAudience.Admin, "Check that the identity provider sends the MFA claim (federatedIdpMfaBehavior) or that cross-tenant settings trust the home tenant's MFA.");
                break;
            case FailureCause.BenignInterrupt:
                Add(FixAudience.Admin, "Nothing: the flow succeeded " + (input.Failure.TimeToResolveSpan is { } t ? Durations.Describe(t) + " later" : "soon after") + ". Hide such interrupts with Get-StrongAuthFailure's default (without -IncludeBenign).");
                break;
            default:
                Add(FixAudience.Admin, "Read the evidence and Resolve-AadstsError " + input.Failure.ErrorCode + " for what the code means.");
                break;
        }

        // The classifier's own remedy is fitted to the subject (an external user's MFA comes from the home tenant):
        // it goes, in detail, to the audience that acts first on this cause.
        if (input.Failure.Remedy.Count > 0 && cause == input.Failure.CauseKind && cause is not (FailureCause.BenignInterrupt or FailureCause.HeadlessUserAccount))
        {
            Add(PrimaryAudience(cause), "In detail: " + string.Join(" ", input.Failure.Remedy));
        }

        // Grouped by audience, each group in the order written (OrderBy is stable).
        return fixes.OrderBy(f => f.AudienceKind).ToList();
    }
}
