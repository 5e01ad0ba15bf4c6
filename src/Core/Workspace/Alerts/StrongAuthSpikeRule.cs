using System;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// A spike of strong-authentication failures per code and app, as after a Conditional Access or MFA policy change:
/// a daily series over 14 days and <c>series_decompose_anomalies</c> on it (the approach of Sentinel's rule for spikes
/// of Conditional Access blocks), alerting on yesterday's anomalous days above a floor of failures.
/// </summary>
internal static class StrongAuthSpikeRule
{
    public static readonly Guid Id = new("7a7517fc-d9a2-47c0-a43d-7432fcbb68c6");

    /// <summary>Fewer failures a day than this are never a spike worth an alert, however unusual.</summary>
    public const int MinimumDailyFailures = 20;

    private static readonly string[] Columns = { "TimeGenerated", "UserPrincipalName", "UserId", "AppDisplayName", "ResultType", "IsInteractive" };

    public static SentinelAlertRule Build()
    {
        var query =
            "// EntraStrongAuth: a spike of strong-authentication failures (AADSTS50072, 50074, 50076, 50079) per code and app, as after a policy change.\n" +
            "// Daily counts over 14 days; series_decompose_anomalies flags yesterday when it stands out from the trend.\n" +
            "let MinimumDailyFailures = " + MinimumDailyFailures + ";\n" +
            "let Failures = " + UserSignInLegs.Union(new[] { "where TimeGenerated > startofday(ago(14d))", "where ResultType in (" + AlertRuleParts.StrongAuthCodeList + ")" }, Columns) + ";\n" +
            "Failures\n" +
            "| make-series DailyFailures = count() default = 0 on TimeGenerated from startofday(ago(14d)) to startofday(now()) step 1d by ResultType, AppDisplayName\n" +
            "| extend (Anomalies, Score, Baseline) = series_decompose_anomalies(DailyFailures, 3, -1, \"linefit\")\n" +
            "| mv-expand DailyFailures to typeof(long), TimeGenerated to typeof(datetime), Anomalies to typeof(double), Score to typeof(double), Baseline to typeof(double)\n" +
            "| where TimeGenerated >= startofday(ago(1d)) and Anomalies > 0 and DailyFailures >= MinimumDailyFailures\n" +
            "| project Day = TimeGenerated, ResultType, AppDisplayName, DailyFailures, Baseline = round(Baseline, 1), Score = round(Score, 2)\n" +
            "| join kind=inner (\n" +
            "    Failures\n" +
            "    | where TimeGenerated >= startofday(ago(1d)) and TimeGenerated < startofday(now())\n" +
            "    | summarize Users = dcount(UserId), SampleUsers = make_set(UserPrincipalName, 10), IsInteractiveShare = round(100.0 * countif(IsInteractive) / count(), 1) by ResultType, AppDisplayName\n" +
            "    ) on ResultType, AppDisplayName\n" +
            "| project-away ResultType1, AppDisplayName1";

        return new SentinelAlertRule(
            Id,
            "Spike of strong-authentication failures (EntraStrongAuth)",
            "Strong-authentication failures of one code and app (AADSTS50072, 50074, 50076, 50079) rose far above their 14-day trend yesterday, as when a Conditional Access " +
            "or MFA policy change starts demanding MFA from users, scripts or apps that cannot satisfy it. Check the policies changed before the spike (audit log), then run " +
            "Get-StrongAuthFailure -Summary over that day for the causes and Test-StrongAuthReadiness before the next change.",
            AlertSeverity.Medium,
            query)
        {
            QueryFrequency = TimeSpan.FromDays(1),
            QueryPeriod = TimeSpan.FromDays(14),
            TriggerOperator = AlertTriggerOperator.GreaterThan,
            TriggerThreshold = 0,
            Tactics = new[] { "CredentialAccess" },
            Techniques = new[] { "T1110" },
            RequiredDataConnectors = AlertRuleParts.UserSignInConnector,
            EntityMappings = new[] { AlertRuleParts.Application },
            CustomDetails = AlertRuleParts.Details(("ErrorCode", "ResultType"), ("DailyFailures", "DailyFailures"), ("Baseline", "Baseline"), ("AnomalyScore", "Score"), ("AffectedUsers", "Users"), ("SampleUsers", "SampleUsers")),
        };
    }
}
