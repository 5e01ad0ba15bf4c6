using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 7: the cause and confidence, with the chain of evidence. The cause is the classifier's (the rule table,
/// measured in docs/accuracy.md); the steps only move its confidence, one level at most, and only with evidence the
/// record itself did not carry: registration data, the account's history, the app's recovery, the earlier proof.
/// A step that contradicts the cause lowers it; one that confirms it independently raises it.
/// </summary>
internal static class DiagnosisVerdict
{
    public const string Name = "Verdict";

    public static (FailureCause Cause, Confidence Confidence, IReadOnlyList<string> Chain) Decide(StrongAuthFailure failure, IReadOnlyList<DiagnosisStep> steps, int? headlessScore)
    {
        var cause = failure.CauseKind;
        var chain = new List<string> { "Classified " + cause + " (" + failure.Confidence + ")" + (failure.RuleId is null ? string.Empty : " by rule " + failure.RuleId) + "." };
        chain.AddRange(failure.Evidence.Select(e => e.ToString()));

        // A guess by elimination (Low, or a rule that lacked evidence) is corroborated by facts that fit several causes
        // as well as its own: only the account's history can overrule it, and nothing raises it.
        var guess = failure.ConfidenceKind == Confidence.Low || failure.MissingEvidence.Count > 0;
        if (failure.ConfidenceKind == Confidence.Low && cause is not (FailureCause.HeadlessUserAccount or FailureCause.BenignInterrupt) && headlessScore >= AccountKindStep.ScriptScore)
        {
            chain.Add("Overruled: the classification was a guess by elimination; step 6 scores the account as a script (" + headlessScore + "), which no person's sign-ins do.");
            return (FailureCause.HeadlessUserAccount, Confidence.Medium, chain);
        }

        var shift = 0;
        void Confirm(string why)
        {
            if (guess)
            {
                chain.Add("Consistent (does not raise a guess): " + why);
                return;
            }

            shift = Math.Max(shift, 1);
            chain.Add("Confirmed: " + why);
        }

        void Contradict(string why)
        {
            shift = -1;
            chain.Add("Contradicted: " + why);
        }

        var step = steps.ToDictionary(s => s.Number);
        switch (cause)
        {
            case FailureCause.HeadlessUserAccount when headlessScore is { } score:
                if (score >= AccountKindStep.ScriptScore)
                {
                    Confirm("step 6 scores the account as a script (" + score + ").");
                }
                else if (score < AccountKindStep.PersonScore && step[6].StatusKind == DiagnosisStatus.Ok)
                {
                    Contradict("step 6 finds a person's account (score " + score + ").");
                }

                break;
            case FailureCause.IncompleteEnrollment or FailureCause.CannotSatisfyStrength:
                if (step[5].StatusKind == DiagnosisStatus.Problem)
                {
                    Confirm("step 5: " + step[5].Finding);
                }
                else if (step[5].StatusKind == DiagnosisStatus.Ok)
                {
                    Contradict("step 5: " + step[5].Finding + " (registered since the failure, or the data is newer than it).");
                }

                break;
            case FailureCause.SilentAuthInteractionRequired:
                if (step[3].StatusKind == DiagnosisStatus.Problem)
                {
                    Confirm("step 3: " + step[3].Finding);
                }

                break;
            case FailureCause.PolicyStepUp or FailureCause.StaleSessionClaims:
                if (step[4].StatusKind == DiagnosisStatus.Problem)
                {
                    Confirm("step 4: " + step[4].Finding);
                }

                break;
        }

        // A script's failures look like other causes to the rules; say so, the fix differs.
        if (cause is not (FailureCause.HeadlessUserAccount or FailureCause.BenignInterrupt) && headlessScore >= AccountKindStep.ScriptScore)
        {
            chain.Add("Note: step 6 scores this account as a script (" + headlessScore + "): whatever the cause, a script cannot answer MFA; see the fixes.");
        }

        var confidence = (Confidence)Math.Max((int)Confidence.Low, Math.Min((int)Confidence.High, (int)failure.ConfidenceKind + shift));
        return (cause, confidence, chain);
    }

    /// <summary>What the cause means, in one sentence (the fixes say what to do).</summary>
    public static string Meaning(FailureCause cause) => cause switch
    {
        FailureCause.SilentAuthInteractionRequired => "a silent token request met a requirement that needs interaction; the app must fall back to an interactive sign-in.",
        FailureCause.HeadlessUserAccount => "a script signs in as this user account and can never answer MFA.",
        FailureCause.PolicyStepUp => "a Conditional Access policy asked for stronger proof than the session had.",
        FailureCause.StaleSessionClaims => "earlier strong proof no longer counts (sign-in frequency, a new network or risk).",
        FailureCause.IncompleteEnrollment => "the user has not finished registering for MFA.",
        FailureCause.CannotSatisfyStrength => "none of the methods the user has and may use satisfies the required strength.",
        FailureCause.MfaAttemptFailed => "the MFA step was denied, not answered or failed.",
        FailureCause.ExternalOrFederatedMfa => "MFA was expected from the identity provider or the user's home tenant.",
        FailureCause.BenignInterrupt => "an interrupt the same flow satisfied soon after; nothing to fix.",
        _ => "a strong-authentication code no rule explains; read the evidence.",
    };

    /// <summary>The verdict as a step: Problem unless the failure needs no action.</summary>
    public static DiagnosisStep Step(FailureCause cause, Confidence confidence, IReadOnlyList<string> chain, string? verify)
    {
        var finding = cause + " (" + confidence + " confidence): " + Meaning(cause);
        var status = cause == FailureCause.BenignInterrupt ? DiagnosisStatus.Ok : DiagnosisStatus.Problem;
        return new DiagnosisStep(7, Name, status, finding, chain, verify is null ? null : "After the fix: " + verify);
    }
}
