using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// A user account used by a script now failing MFA: strong-authentication failures that carry a headless signal.
/// The signals are the conditions of the cause table's HeadlessUserAccount rules (password grant, legacy clients,
/// scripting user agents, unattended automation apps without a device), generated from the classification data, plus
/// the device code flow, which scripts use to get a first token.
/// </summary>
internal static class HeadlessMfaFailureRule
{
    public static readonly Guid Id = new("76116958-89b1-4858-9763-5f249e622f9d");

    public static SentinelAlertRule Build(ClassificationData data)
    {
        var preludes = new List<string>();
        var signals = new List<(string Test, string Label)>();
        foreach (var rule in data.Rules.Rules.Where(r => r.Cause == FailureCause.HeadlessUserAccount))
        {
            var tests = new List<string>();
            for (var i = 0; i < rule.Conditions.Count && tests.Count == i; i++)
            {
                if (CauseConditionKql.Translate(rule.Conditions[i], data, "Signal" + signals.Count + "When" + i, out _) is { } kql)
                {
                    tests.Add(kql.Predicate);
                    preludes.AddRange(kql.Prelude is null ? Array.Empty<string>() : new[] { kql.Prelude });
                }
            }

            if (tests.Count == rule.Conditions.Count && tests.Count > 0)
            {
                signals.Add((string.Join(" and ", tests), rule.Id));
            }
        }

        signals.Add(("AuthenticationProtocol =~ \"deviceCode\"", "device-code-flow"));
        var query = new StringBuilder()
            .Append("// EntraStrongAuth: user accounts a script signs in as (headless signals from the module's classification data) failing strong authentication.\n")
            .Append("// Move such an account to a workload identity (managed identity, workload identity federation, certificate service principal).\n")
            .Append(UserSignInLegs.Union(new[] { "where TimeGenerated > ago(1h)", "where ResultType in (" + AlertRuleParts.StrongAuthCodeList + ")" }))
            .Append('\n');
        foreach (var prelude in preludes)
        {
            query.Append("| ").Append(prelude).Append('\n');
        }

        query.Append("| extend HeadlessSignal = case(\n");
        foreach (var (test, label) in signals)
        {
            query.Append("    ").Append(test).Append(", ").Append(KqlLiteral.Quote(label)).Append(",\n");
        }

        query.Append("    \"\")\n")
            .Append("| where isnotempty(HeadlessSignal)\n")
            .Append("| summarize FailedSignIns = count(), FirstFailure = min(TimeGenerated), LastFailure = max(TimeGenerated), ErrorCodes = make_set(ResultType, 10),\n")
            .Append("    HeadlessSignals = make_set(HeadlessSignal, 10), UserAgents = make_set(UserAgent, 5), IPAddresses = make_set(IPAddress, 20), IPAddress = take_any(IPAddress)\n")
            .Append("    by UserPrincipalName, UserId, AppId, AppDisplayName\n")
            .Append("| ").Append(AlertRuleParts.AccountColumns);

        return new SentinelAlertRule(
            Id,
            "Script account failing MFA (EntraStrongAuth)",
            "A user account that a script signs in as (password grant, a legacy protocol, a scripting user agent, an unattended automation tool without a device, or the device code flow) " +
            "failed strong authentication (AADSTS50072, 50074, 50076, 50079). A script cannot answer an MFA prompt: it stays broken until it moves to a workload identity " +
            "(managed identity, workload identity federation or a certificate service principal). Run Find-HeadlessUserSignIn and Get-StrongAuthFailure for the evidence and the fix.",
            AlertSeverity.Medium,
            query.ToString())
        {
            QueryFrequency = TimeSpan.FromHours(1),
            QueryPeriod = TimeSpan.FromHours(1),
            TriggerOperator = AlertTriggerOperator.GreaterThan,
            TriggerThreshold = 0,
            Tactics = new[] { "InitialAccess" },
            Techniques = new[] { "T1078.004" },
            RequiredDataConnectors = AlertRuleParts.UserSignInConnector,
            EntityMappings = new[] { AlertRuleParts.AccountByName, AlertRuleParts.AccountById, AlertRuleParts.Application, AlertRuleParts.Ip },
            CustomDetails = AlertRuleParts.Details(("FailedSignIns", "FailedSignIns"), ("ErrorCodes", "ErrorCodes"), ("HeadlessSignals", "HeadlessSignals"), ("ClientAppId", "AppId"), ("UserAgents", "UserAgents"), ("FirstFailure", "FirstFailure")),
        };
    }
}
