using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.Remediation;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>The report's tables of results, one builder each; columns are named as the commands' properties are.</summary>
internal static class ResultTables
{
    public static ReportTable Failures(IReadOnlyList<StrongAuthFailure> failures, long needingAction)
    {
        var table = new ReportTable("failures", "Failures that need action, most recent first", "CreatedDateTime", "UserPrincipalName", "AppDisplayName", "ErrorCode", "Cause", "Confidence", "Resolution", "Evidence");
        foreach (var failure in failures)
        {
            table.Add(ReportCell.Of(failure.CreatedDateTime), failure.UserPrincipalName ?? failure.UserId, failure.AppDisplayName ?? failure.AppId, ReportCell.Code(failure.ErrorCode),
                failure.Cause, failure.Confidence, failure.Resolution, ReportCell.List(failure.Evidence.Select(EvidenceValue)));
        }

        table.TotalRows = needingAction;
        return table;
    }

    public static ReportTable Headless(IEnumerable<HeadlessFinding> findings)
    {
        var table = new ReportTable("headless", "Accounts that scripts sign in as, highest score first", "User", "AppDisplayName", "Score", "SignIns", "StrongAuthFailures", "MoveTo", "Evidence", "Why");
        foreach (var finding in findings.OrderByDescending(finding => finding.Score).ThenByDescending(finding => finding.SignIns).ThenBy(finding => finding.User, System.StringComparer.OrdinalIgnoreCase))
        {
            table.Add(finding.UserPrincipalName ?? finding.User, finding.AppDisplayName ?? finding.AppId ?? AppsOf(finding), ReportCell.Of(finding.Score), ReportCell.Of(finding.SignIns), ReportCell.Of(finding.StrongAuthFailures),
                finding.Recommendation.Kind, ReportCell.List(finding.Evidence.Select(evidence => evidence.ToString())), ReportCell.Prose(finding.Recommendation.Reason));
        }

        return table;
    }

    public static ReportTable Enrollment(IEnumerable<MfaEnrollmentResult> results)
    {
        var table = new ReportTable("enrollment", "Users who cannot satisfy their strength yet", "UserPrincipalName", "Strength", "Outcome", "MethodsToAdd", "PolicyChangesNeeded", "Confidence", "DataAsOf");
        foreach (var result in results.Where(result => result.OutcomeKind != EnrollmentOutcome.Satisfiable).OrderBy(result => result.OutcomeKind).ThenBy(result => result.UserPrincipalName ?? result.UserId, System.StringComparer.OrdinalIgnoreCase))
        {
            var toAdd = result.MethodsToAdd.Count > 0 ? result.MethodsToAdd : result.NotEvaluatedReason is { } reason ? new[] { reason } : result.MethodsToAdd;
            table.Add(result.UserPrincipalName ?? result.UserId, result.Strength, ReportCell.Named(result.Outcome, "outcome"), ReportCell.List(toAdd), ReportCell.List(result.PolicyChangesNeeded),
                result.Confidence, ReportCell.Of(result.DataAsOf));
        }

        return table;
    }

    public static ReportTable Readiness(IEnumerable<ReadinessResult> results)
    {
        var table = new ReportTable("readiness", "Who the planned policy would stop or prompt (not Ready)", "UserPrincipalName", "AppDisplayName", "Verdict", "Reasons", "MethodsToAdd", "Confidence", "SignIns", "Fix");
        foreach (var result in results.Where(result => result.VerdictKind != ReadinessVerdict.Ready).OrderByDescending(result => result.VerdictKind).ThenByDescending(result => result.SignIns))
        {
            table.Add(result.UserPrincipalName ?? result.UserId, result.AppDisplayName ?? result.AppId, ReportCell.Named(result.Verdict, "verdict"), ReportCell.List(result.Reasons),
                ReportCell.List(result.MethodsToAdd), result.Confidence, ReportCell.Of(result.SignIns), ReportCell.Prose(result.Fix));
        }

        return table;
    }

    public static ReportTable Remediation(IEnumerable<RemediationResult> results)
    {
        var table = new ReportTable("remediation", "Fixes checked against the logs", "Subject", "Outcome", "JudgedAs", "Confidence", "FixedAt", "BeforeFailures", "AfterFailures", "AfterSignIns", "Advice");
        foreach (var result in results.OrderBy(result => result.OutcomeKind).ThenBy(result => result.Subject, System.StringComparer.OrdinalIgnoreCase))
        {
            // The app or workload identity belongs to the subject: one column, so the advice keeps its width.
            var app = result.AppDisplayName ?? result.ServicePrincipalName;
            table.Add(app is null ? result.Subject : result.Subject + " (" + app + ")", ReportCell.Named(result.Outcome, "outcome"), result.JudgedAs, result.Confidence, ReportCell.Of(result.FixedAt),
                ReportCell.Of(result.BeforeFailures), ReportCell.Of(result.AfterFailures), ReportCell.Of(result.AfterSignIns), ReportCell.List(result.Advice));
        }

        return table;
    }

    // A failure row shows what each piece of evidence read ("userAgent = python-requests/2.32.3"); the reasons in
    // words are in the cause's section, once, and in the failures CSV.
    private static string EvidenceValue(Evidence evidence) => evidence.Field + " = " + (evidence.Value ?? "(absent)");

    // An account-level finding names the apps its script used in its recommendation.
    private static string AppsOf(HeadlessFinding finding) => finding.Recommendation.Apps.Count > 0 ? string.Join(", ", finding.Recommendation.Apps) : "all apps";

    /// <summary>"31 Ready, 38 WillPrompt, …" over results, in the verdicts' order.</summary>
    public static string Count<T>(IEnumerable<T> items, System.Func<T, string> name) =>
        string.Join(", ", items.GroupBy(name).OrderByDescending(group => group.Count()).Select(group => group.Count().ToString("N0", CultureInfo.InvariantCulture) + " " + group.Key));
}
