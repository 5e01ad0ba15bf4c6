using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Core.Workspace.Alerts;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>Every catalog query is real KQL over the published sign-in schemas, and every alert deploys in Sentinel.</summary>
public class KqlCatalogTests
{
    // Which tactic each technique the rules use belongs to (MITRE ATT&CK enterprise matrix).
    private static readonly Dictionary<string, string[]> TechniqueTactics = new()
    {
        ["T1078"] = new[] { "DefenseEvasion", "Persistence", "PrivilegeEscalation", "InitialAccess" },
        ["T1078.004"] = new[] { "DefenseEvasion", "Persistence", "PrivilegeEscalation", "InitialAccess" },
        ["T1110"] = new[] { "CredentialAccess" },
        ["T1621"] = new[] { "CredentialAccess" },
    };

    [Fact]
    public void Every_catalog_query_has_no_error_in_the_Kusto_language_service()
    {
        Assert.True(KqlCatalog.All.Count >= 4);
        KustoLanguageService.AssertNoErrors(KqlCatalog.All.Select(e => (e.Name, e.Kql)));
    }

    [Fact]
    public void The_catalog_has_the_cause_labels_and_the_three_alert_rules_with_stable_distinct_ids()
    {
        Assert.Equal(KqlQueryKind.Analysis, KqlCatalog.Find("strongauthfailurecauses")!.QueryKind);
        var alerts = KqlCatalog.All.Where(e => e.QueryKind == KqlQueryKind.Alert).ToList();
        Assert.Equal(
            new[] { "76116958-89b1-4858-9763-5f249e622f9d", "7a7517fc-d9a2-47c0-a43d-7432fcbb68c6", "cae080e9-11f9-4145-85aa-97b3996bd0b9" },
            alerts.Select(a => a.Alert!.Id.ToString()).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Same(a.Alert!.Query, a.Kql));
        Assert.Null(KqlCatalog.Find("NoSuchQuery"));
        Assert.Equal(KqlCatalog.All.Select(e => e.Name), KqlCatalog.Build(Core.Classification.ClassificationData.BuiltIn).Select(e => e.Name));
    }

    [Fact]
    public void Every_alert_rule_keeps_Sentinels_template_limits()
    {
        foreach (var entry in KqlCatalog.All.Where(e => e.QueryKind == KqlQueryKind.Alert))
        {
            var rule = entry.Alert!;
            Assert.Empty(SentinelRuleConstraints.Problems(rule));
            Assert.InRange(rule.Query.Length, 1, 10000);
            Assert.InRange(rule.QueryFrequency, TimeSpan.FromMinutes(5), TimeSpan.FromDays(14));
            Assert.InRange(rule.QueryPeriod, rule.QueryFrequency, TimeSpan.FromDays(14));
            Assert.Equal("1.0.0", rule.Version);
            Assert.Equal("Scheduled", rule.Kind);
            Assert.Contains("union isfuzzy=true", rule.Query, StringComparison.Ordinal);
            var connector = Assert.Single(rule.RequiredDataConnectors);
            Assert.Equal("AzureActiveDirectory", connector.ConnectorId);
            Assert.Equal(new[] { "SigninLogs", "AADNonInteractiveUserSignInLogs" }, connector.DataTypes);
            Assert.All(rule.Techniques, t => Assert.Contains(rule.Tactics, tactic => TechniqueTactics[t].Contains(tactic)));
            Assert.NotEmpty(rule.EntityMappings);
            Assert.All(rule.CustomDetails, d => Assert.Matches("^[a-zA-Z]+\\w*$", d.Key));

            // Every column an entity or a custom detail names is one the query's last operators produce.
            var columns = rule.EntityMappings.SelectMany(m => m.FieldMappings.Select(f => f.Value)).Concat(rule.CustomDetails.Select(d => d.Value));
            Assert.All(columns, c => Assert.Contains(c, rule.Query, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_constraints_catch_each_kind_of_broken_rule()
    {
        var good = KqlCatalog.All.First(e => e.QueryKind == KqlQueryKind.Alert).Alert!;
        var rules = new Dictionary<string, SentinelAlertRule>
        {
            ["name"] = new(good.Id, new string('n', 257), good.Description, good.Severity, good.Query) { Tactics = good.Tactics, RequiredDataConnectors = good.RequiredDataConnectors },
            ["description"] = new(good.Id, good.DisplayName, new string('d', 5001), good.Severity, good.Query) { Tactics = good.Tactics, RequiredDataConnectors = good.RequiredDataConnectors },
            ["query"] = new(good.Id, good.DisplayName, good.Description, good.Severity, new string('q', 10001)) { Tactics = good.Tactics, RequiredDataConnectors = good.RequiredDataConnectors },
            ["queryFrequency"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { QueryFrequency = TimeSpan.FromMinutes(4), QueryPeriod = TimeSpan.FromHours(1), Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["queryPeriod"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { QueryFrequency = TimeSpan.FromDays(1), QueryPeriod = TimeSpan.FromHours(1), Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["14 days"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { QueryPeriod = TimeSpan.FromDays(15), Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["queryFrequency at least 1 hour"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { QueryFrequency = TimeSpan.FromMinutes(30), QueryPeriod = TimeSpan.FromDays(2), Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["triggerThreshold"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { TriggerThreshold = 10001, Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["tactics"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = new[] { "Credential Access" }, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["relevantTechniques"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, Techniques = new[] { "1078" }, RequiredDataConnectors = r.RequiredDataConnectors }),
            ["requiredDataConnectors"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics }),
            ["entity mappings"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors, EntityMappings = Enumerable.Repeat(r.EntityMappings[0], 6).ToList() }),
            ["field mappings"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors, EntityMappings = new[] { new AlertEntityMapping("Account", Enumerable.Repeat(new KeyValuePair<string, string>("Name", "A"), 4).ToList()) } }),
            ["custom details"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors, CustomDetails = Enumerable.Range(0, 21).Select(i => new KeyValuePair<string, string>("K" + i, "C")).ToList() }),
            ["custom detail keys"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors, CustomDetails = new[] { new KeyValuePair<string, string>("1Bad", "C") } }),
            ["version"] = Copy(good, r => new(r.Id, r.DisplayName, r.Description, r.Severity, r.Query) { Tactics = r.Tactics, RequiredDataConnectors = r.RequiredDataConnectors, Version = "1.0" }),
        };

        foreach (var (field, rule) in rules)
        {
            var problem = Assert.Single(SentinelRuleConstraints.Problems(rule));
            Assert.Contains(field.Split(' ')[0], problem, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(SentinelRuleConstraints.Problems(good));
    }

    private static SentinelAlertRule Copy(SentinelAlertRule rule, Func<SentinelAlertRule, SentinelAlertRule> make) => make(rule);
}
