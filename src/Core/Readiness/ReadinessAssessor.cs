using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Policies;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>
/// Decides one user and app's verdict from what was measured: the client (password grant, legacy protocol), the
/// app's recovery after silent interrupts, the account's headless score, the user's enrollment against the policy's
/// strength, and the policy's own report-only results. Any reason to break wins; then registration; then whether the
/// sign-ins already prove what the policy asks.
/// </summary>
public static class ReadinessAssessor
{
    /// <summary>One verdict; <paramref name="cannotSatisfy"/>: sign-ins of this user (any app) on which Entra logged the policy's strength as cannotSatisfy.</summary>
    public static ReadinessResult Assess(StrongAuthPolicy policy, ReadinessTally tally, HeadlessFinding? headless, MfaEnrollmentResult? enrollment, string? enrollmentMissing, AppRecovery? recovery, int cannotSatisfy = 0)
    {
        if (policy is null || tally is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : nameof(tally));
        }

        var reasons = new List<BreakReason>();
        var evidence = new List<string> { string.Format(CultureInfo.InvariantCulture, "{0} sign-ins ({1} interactive, {2} non-interactive), {3} successes, {4} with MFA; last {5:u}.", tally.SignIns, tally.Interactive, tally.NonInteractive, tally.Successes, tally.MfaSuccesses, tally.LastSeen) };
        var confidence = Confidence.High;
        if (tally.PasswordGrant > 0)
        {
            reasons.Add(BreakReason.PasswordGrant);
            evidence.Add(tally.PasswordGrant + " sign-ins with the password grant (ROPC): it cannot carry an MFA challenge.");
        }

        if (tally.Legacy > 0)
        {
            reasons.Add(BreakReason.LegacyProtocol);
            evidence.Add(tally.Legacy + " sign-ins over " + tally.LegacyClient + ": a legacy protocol cannot prompt.");
        }

        if (headless is { Score: >= AccountKindStep.ScriptScore })
        {
            reasons.Add(BreakReason.Script);
            evidence.Add("Headless score " + headless.Score + ": " + string.Join("; ", headless.Evidence.Where(e => e.Points > 0).Take(3)) + ".");
            confidence = Min(confidence, headless.Score >= 80 ? Confidence.High : Confidence.Medium);
        }

        // Fewer interrupts than a conclusive measure still count when none was answered (the recovery counted only
        // people's MFA interrupts), but the verdict is then less sure.
        if (recovery is { SilentInterrupts: > 0, Recovered: 0 } && tally.NonInteractive > 0)
        {
            reasons.Add(BreakReason.AppNeverFallsBack);
            evidence.Add(string.Format(CultureInfo.InvariantCulture, "{0} never fell back to an interactive sign-in after any of its {1} silent interrupts ({2} users): it does not handle interaction_required.", tally.AppDisplayName ?? tally.AppId, recovery.SilentInterrupts, recovery.Users));
            confidence = Min(confidence, recovery.IsConclusive ? Confidence.Medium : Confidence.Low);
        }

        if (enrollment is { OutcomeKind: EnrollmentOutcome.Impossible })
        {
            reasons.Add(BreakReason.StrengthUnsatisfiable);
            evidence.Add("No registration helps: the Authentication methods policy must change (" + string.Join("; ", enrollment.PolicyChangesNeeded) + ").");
        }
        else if (cannotSatisfy > 0)
        {
            // Entra's own verdict, made with what the files may lack (Windows Hello availability, key restrictions).
            reasons.Add(BreakReason.StrengthUnsatisfiable);
            evidence.Add("Entra logged the policy's strength as cannotSatisfy on " + cannotSatisfy + " of this user's sign-ins: none of its methods is allowed to them.");
        }

        var failedInReportOnly = tally.ReportOnlyResults.TryGetValue("reportOnlyFailure", out var failed) ? failed : 0;
        foreach (var result in tally.ReportOnlyResults)
        {
            evidence.Add("Report-only: '" + policy.DisplayName + "' logged " + result.Key + " on " + result.Value + " of these sign-ins.");
        }

        if (failedInReportOnly > 0)
        {
            reasons.Add(BreakReason.ReportOnlyFailure);
        }

        if (reasons.Count > 0)
        {
            return new ReadinessResult(tally, ReadinessVerdict.WillBreak, reasons, confidence, evidence, Array.Empty<string>(), Fix(reasons, headless)) { AppRecovery = recovery };
        }

        if (enrollment is null)
        {
            evidence.Add("Registration not read (" + (enrollmentMissing ?? "no registration data") + "): whether the user must register first is unknown.");
            return new ReadinessResult(tally, AlreadyProves(policy, tally) ? ReadinessVerdict.Ready : ReadinessVerdict.WillPrompt, reasons, Confidence.Low, evidence, Array.Empty<string>(), null) { AppRecovery = recovery };
        }

        if (enrollment.Uncertainties.Count > 0 || enrollment.StrengthReason?.IndexOf("may not apply", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            confidence = Confidence.Medium;
            evidence.AddRange(enrollment.Uncertainties);
        }

        if (enrollment.OutcomeKind == EnrollmentOutcome.NeedsRegistration)
        {
            evidence.Add("Registered: " + (enrollment.MethodsRegistered.Count == 0 ? "nothing" : string.Join(", ", enrollment.MethodsRegistered)) + ".");
            return new ReadinessResult(tally, ReadinessVerdict.MustRegister, reasons, confidence, evidence, enrollment.MethodsToAdd, "Register " + string.Join(" or ", enrollment.MethodsToAdd) + " before enforcement (a Temporary Access Pass bootstraps it).") { AppRecovery = recovery };
        }

        return new ReadinessResult(tally, AlreadyProves(policy, tally) ? ReadinessVerdict.Ready : ReadinessVerdict.WillPrompt, reasons, confidence, evidence, Array.Empty<string>(), null) { AppRecovery = recovery };
    }

    // Plain MFA already proven on every success means no new prompt. A strength asks for more than a method name shows:
    // only the policy's own "satisfied" on every success proves it (a policy not yet in the logs never does).
    private static bool AlreadyProves(StrongAuthPolicy policy, ReadinessTally tally) =>
        tally.Successes > 0 && (policy.AuthenticationStrengthId is null
            ? policy.RequiresMfa && tally.MfaSuccesses == tally.Successes
            : tally.StrengthSatisfied == tally.Successes);

    private static string Fix(List<BreakReason> reasons, HeadlessFinding? headless)
    {
        if (reasons.Contains(BreakReason.Script) || reasons.Contains(BreakReason.PasswordGrant))
        {
            return "Move the script to " + (headless is null ? "a workload identity" : AccountKindStep.Kind(headless.Recommendation.IdentityKind)) + " before enforcement; do not exclude the account.";
        }

        if (reasons.Contains(BreakReason.LegacyProtocol))
        {
            return "Move the client to modern authentication (OAuth) before enforcement; legacy protocols cannot do MFA.";
        }

        if (reasons.Contains(BreakReason.AppNeverFallsBack))
        {
            return "Have the app's developer handle interaction_required (sign in interactively with the claims challenge) before enforcement, or leave the app out of the policy until they do.";
        }

        return reasons.Contains(BreakReason.StrengthUnsatisfiable)
            ? "Enable an allowed method for this user in the Authentication methods policy, or choose a strength they can meet."
            : "Read the report-only results in the sign-in logs: the policy would have failed these sign-ins.";
    }

    private static Confidence Min(Confidence a, Confidence b) => a < b ? a : b;
}
