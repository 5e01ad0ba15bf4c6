using System;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// An app that never recovers from interaction_required: a user and app whose silent (non-interactive) sign-ins failed
/// strong authentication and who did not sign in interactively to that app afterwards. A well-behaved app falls back to
/// an interactive prompt; one that keeps retrying silently leaves its user stuck (and floods the log).
/// </summary>
internal static class InteractionRequiredNeverRecoversRule
{
    public static readonly Guid Id = new("cae080e9-11f9-4145-85aa-97b3996bd0b9");

    private static readonly string[] Columns = { "TimeGenerated", "UserPrincipalName", "UserId", "AppId", "AppDisplayName", "IPAddress", "ResultType", "IsInteractive" };

    public static SentinelAlertRule Build()
    {
        var query =
            "// EntraStrongAuth: silent strong-authentication failures (interaction_required) of a user and app with no later interactive success.\n" +
            "// Failures of the day before yesterday's end are checked against successes up to now, so every failure had a day to recover.\n" +
            "let SignIns = " + UserSignInLegs.Union(new[] { "where TimeGenerated > ago(2d)", "where ResultType in (\"0\", " + AlertRuleParts.StrongAuthCodeList + ")" }, Columns) + ";\n" +
            "let SilentFailures = SignIns\n" +
            "    | where TimeGenerated <= ago(1d) and ResultType != \"0\" and IsInteractive == false\n" +
            "    | summarize FailedSilentSignIns = count(), FirstFailure = min(TimeGenerated), LastFailure = max(TimeGenerated), ErrorCodes = make_set(ResultType, 10),\n" +
            "        IPAddress = take_any(IPAddress) by UserPrincipalName, UserId, AppId, AppDisplayName;\n" +
            "let InteractiveSuccesses = SignIns\n" +
            "    | where ResultType == \"0\" and IsInteractive == true\n" +
            "    | summarize LastInteractiveSuccess = max(TimeGenerated) by UserId, AppId;\n" +
            "SilentFailures\n" +
            "| join kind=leftouter InteractiveSuccesses on UserId, AppId\n" +
            "| where isnull(LastInteractiveSuccess) or LastInteractiveSuccess < FirstFailure\n" +
            "| project-away UserId1, AppId1\n" +
            "| " + AlertRuleParts.AccountColumns;

        return new SentinelAlertRule(
            Id,
            "App never recovers from interaction required (EntraStrongAuth)",
            "Silent (non-interactive) sign-ins of a user to an app failed strong authentication (AADSTS50072, 50074, 50076, 50079) and the user did not sign in " +
            "interactively to that app afterwards (within a day). The app asks for tokens silently and does not fall back to an interactive prompt on " +
            "interaction_required (MSAL: MsalUiRequiredException, InteractionRequiredAuthError), or a script uses the account. Run Get-StrongAuthFailure " +
            "for the user and app: SilentAuthInteractionRequired names the app fix, HeadlessUserAccount the move to a workload identity.",
            AlertSeverity.Low,
            query)
        {
            QueryFrequency = TimeSpan.FromDays(1),
            QueryPeriod = TimeSpan.FromDays(2),
            TriggerOperator = AlertTriggerOperator.GreaterThan,
            TriggerThreshold = 0,
            Tactics = new[] { "InitialAccess" },
            Techniques = new[] { "T1078.004" },
            RequiredDataConnectors = AlertRuleParts.UserSignInConnector,
            EntityMappings = new[] { AlertRuleParts.AccountByName, AlertRuleParts.AccountById, AlertRuleParts.Application, AlertRuleParts.Ip },
            CustomDetails = AlertRuleParts.Details(("FailedSilentSignIns", "FailedSilentSignIns"), ("ErrorCodes", "ErrorCodes"), ("ClientAppId", "AppId"), ("FirstFailure", "FirstFailure"), ("LastFailure", "LastFailure"), ("LastInteractiveOK", "LastInteractiveSuccess")),
        };
    }
}
