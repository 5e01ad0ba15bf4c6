using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>
/// The verdict rules. Automation is fixed when it stops signing in as the user (and, when a workload identity is
/// named or its app now signs in on its own, that identity signs in instead); any user sign-in that still looks like
/// it means not fixed, even single-factor successes, because those only mean the policy stopped asking. A person is
/// fixed when their successes now satisfy MFA and failures no longer outnumber them.
/// </summary>
internal static class RemediationJudge
{
    public static RemediationResult Decide(RemediationSubject subject, WindowTally before, WindowTally after, RemediationOptions options)
    {
        var evidence = new List<Evidence>
        {
            Fact("before.strongAuthFailures", before.User.StrongAuthFailures, before.FailureCodes(), "strong-authentication failures before the fix"),
            Fact("after.strongAuthFailures", after.User.StrongAuthFailures, after.FailureCodes(), "strong-authentication failures since the fix"),
            new("after.successes", Count(after.User.Successes), after.User.MfaSuccesses + " satisfied MFA, " + after.User.SingleFactorSuccesses + " single-factor"),
        };
        var advice = new List<string>();
        var apps = subject.AppId is { } app ? new HashSet<string>(new[] { app }, System.StringComparer.OrdinalIgnoreCase) : before.AutomationApps();
        var automation = after.Automation(apps);
        var kind = IsAutomation(subject, before, options) ? SubjectKind.Automation : SubjectKind.Person;
        var (outcome, confidence) = kind == SubjectKind.Automation
            ? JudgeAutomation(subject, before.Automation(apps), automation, after, options, evidence, advice)
            : JudgePerson(subject, before, after, options, evidence, advice);
        return new RemediationResult(subject, kind, outcome, confidence, options, evidence, advice)
        {
            BeforeSignIns = before.User.Total,
            BeforeFailures = before.User.StrongAuthFailures,
            BeforeFailureCodes = before.FailureCodes(),
            AfterSignIns = after.User.Total,
            AfterFailures = after.User.StrongAuthFailures,
            AfterFailureCodes = after.FailureCodes(),
            AfterMfaSuccesses = after.User.MfaSuccesses,
            AfterSingleFactorSuccesses = after.User.SingleFactorSuccesses,
            AfterAutomationSignIns = automation.Total,
            AfterWorkloadSignIns = after.Workload.Total,
            AppDisplayName = NameOf(subject.AppId, before, after),
            ServicePrincipalName = NameOf(subject.ServicePrincipalId, before, after),
        };
    }

    private static string? NameOf(string? id, WindowTally before, WindowTally after) => after.NameOf(id) ?? before.NameOf(id);

    private static bool IsAutomation(RemediationSubject subject, WindowTally before, RemediationOptions options) =>
        subject.IsAutomation
        ?? (subject.AppId is not null || subject.ServicePrincipalId is not null
            || before.User.Total > 0 && (double)before.User.Scripted / before.User.Total >= options.AutomationShare);

    private static (RemediationOutcome, Confidence) JudgeAutomation(RemediationSubject subject, SignInCounts beforeAutomation, SignInCounts automation, WindowTally after,
        RemediationOptions options, List<Evidence> evidence, List<string> advice)
    {
        var workload = after.Workload;
        var appeared = workload.Successes >= options.MinimumWorkloadSignIns;
        evidence.Add(new("before.automationSignIns", Count(beforeAutomation.Total), "user sign-ins that looked like the automation before the fix"));
        evidence.Add(new("after.automationSignIns", Count(automation.Total), automation.StrongAuthFailures + " strong-auth failures, " + automation.SingleFactorSuccesses + " single-factor and " + automation.MfaSuccesses + " MFA successes, still as the user"));
        evidence.Add(new("after.workloadSignIns", Count(workload.Total), WorkloadName(subject, after) + ": " + workload.Successes + " succeeded" + (after.WorkloadKinds.Count > 0 ? " (" + string.Join(", ", after.WorkloadKinds) + ")" : string.Empty)));

        if (automation.Total > 0)
        {
            if (after.LatestHeadless is { } last)
            {
                evidence.Add(new("after.latestAutomationSignIn", last.CreatedDateTime.ToString("u", CultureInfo.InvariantCulture), "app " + (last.AppDisplayName ?? last.AppId) + ", user agent " + (last.UserAgent ?? "(none)") + ", from " + (last.IpAddress ?? "(no address)")));
            }

            if (automation.StrongAuthFailures == 0)
            {
                advice.Add("The failures stopped, but the automation still signs in as the user without MFA: the account was probably excluded from the policy, which hides the problem rather than fixing it.");
            }

            advice.Add(appeared
                ? "The workload identity signs in, but something still signs in as the user: find the remaining copy of the script or scheduled task (its host address and user agent are in the evidence), move it too, then block sign-in for the user account."
                : "Move the script to a workload identity (managed identity, workload identity federation or a certificate service principal; Find-HeadlessUserSignIn names one), then test again with -ServicePrincipalId.");
            return (RemediationOutcome.NotFixed, Confidence.High);
        }

        if (appeared)
        {
            return (RemediationOutcome.Fixed, beforeAutomation.Total > 0 ? Confidence.High : Confidence.Medium);
        }

        if (workload.Total > 0)
        {
            advice.Add("The automation no longer signs in as the user, but every sign-in of its workload identity failed: check the identity's credential (secret, certificate, federation subject) and its permissions.");
            return (RemediationOutcome.NotFixed, Confidence.Medium);
        }

        evidence.Add(new("verdict", null, "no sign-in of the automation after the fix, as the user or as a workload identity: idle, or not yet run"));
        return (RemediationOutcome.Inconclusive, Confidence.Low);
    }

    // "Contoso Deploy Script (id)" when the workload's sign-ins named it, else the id.
    private static string WorkloadName(RemediationSubject subject, WindowTally after) =>
        (subject.ServicePrincipalId ?? subject.AppId) is { } id ? Names.DirectoryNames.Describe(after.NameOf(id), id) : "no workload identity named";

    private static (RemediationOutcome, Confidence) JudgePerson(RemediationSubject subject, WindowTally before, WindowTally after,
        RemediationOptions options, List<Evidence> evidence, List<string> advice)
    {
        var user = after.User;
        if (user.Total < options.MinimumAfterSignIns)
        {
            evidence.Add(new("verdict", Count(user.Total), "fewer than " + options.MinimumAfterSignIns + " sign-ins after the fix: not enough to judge"));
            return (RemediationOutcome.Inconclusive, Confidence.Low);
        }

        if (user.MfaSuccesses > 0 && user.StrongAuthFailures <= user.MfaSuccesses)
        {
            // Remaining failures answered by as many MFA successes are ordinary step-up prompts.
            var certain = user.StrongAuthFailures == 0 && before.User.StrongAuthFailures > 0;
            return (RemediationOutcome.Fixed, certain ? Confidence.High : Confidence.Medium);
        }

        if (user.StrongAuthFailures > 0)
        {
            advice.Add(after.HasFailureCode(50079, 50072)
                ? "The user still has no usable MFA method: run Test-MfaEnrollment for them and finish registration (a Temporary Access Pass helps)."
                : "Failures continue without MFA successes: run Get-StrongAuthFailure -UserPrincipalName " + (subject.UserPrincipalName ?? subject.UserId) + " -StartTime <fix time> for each failure's cause.");
            return (RemediationOutcome.NotFixed, Confidence.High);
        }

        advice.Add("The failures stopped but no success satisfied MFA: the requirement was probably lifted (an exclusion or a policy change) rather than met. Check the Conditional Access policies that apply (Get-StrongAuthPolicy).");
        return (RemediationOutcome.NotFixed, Confidence.Low);
    }

    private static Evidence Fact(string field, long count, string codes, string reason) =>
        new(field, Count(count), codes.Length == 0 ? reason : reason + " (" + codes + ")");

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
