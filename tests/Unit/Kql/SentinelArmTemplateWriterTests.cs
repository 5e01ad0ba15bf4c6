using System;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Core.Workspace.Alerts;
using EntraStrongAuth.Engine.Application.SentinelTemplates;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>The ARM template: one Scheduled alertRules resource named after the workspace parameter and the rule id, ISO durations, values as given.</summary>
public class SentinelArmTemplateWriterTests
{
    [Fact]
    public void Every_alert_becomes_a_Scheduled_alertRules_resource_with_the_rules_values()
    {
        foreach (var rule in KqlCatalog.All.Select(e => e.Alert).OfType<SentinelAlertRule>())
        {
            using var document = JsonDocument.Parse(SentinelArmTemplateWriter.Write(rule));
            var root = document.RootElement;
            Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", root.GetProperty("$schema").GetString());
            Assert.Equal("string", root.GetProperty("parameters").GetProperty("workspace").GetProperty("type").GetString());
            var resource = Assert.Single(root.GetProperty("resources").EnumerateArray());
            Assert.Equal("Microsoft.OperationalInsights/workspaces/providers/alertRules", resource.GetProperty("type").GetString());
            Assert.Equal("Scheduled", resource.GetProperty("kind").GetString());
            Assert.Equal("2024-09-01", resource.GetProperty("apiVersion").GetString());
            Assert.Equal("[concat(parameters('workspace'),'/Microsoft.SecurityInsights/','" + rule.Id + "')]", resource.GetProperty("name").GetString());
            var properties = resource.GetProperty("properties");
            Assert.Equal(rule.DisplayName, properties.GetProperty("displayName").GetString());
            Assert.Equal(rule.Description, properties.GetProperty("description").GetString());
            Assert.Equal(rule.Query, properties.GetProperty("query").GetString());
            Assert.Equal(rule.Severity.ToString(), properties.GetProperty("severity").GetString());
            Assert.Equal(SentinelDuration.ToIso8601(rule.QueryFrequency), properties.GetProperty("queryFrequency").GetString());
            Assert.Equal("GreaterThan", properties.GetProperty("triggerOperator").GetString());
            Assert.Equal(rule.EntityMappings.Count, properties.GetProperty("entityMappings").GetArrayLength());
            Assert.Equal(rule.CustomDetails.Count, properties.GetProperty("customDetails").EnumerateObject().Count());
        }
    }

    [Theory]
    [InlineData(5, "PT5M", "5m")]
    [InlineData(60, "PT1H", "1h")]
    [InlineData(90, "PT90M", "90m")]
    [InlineData(1440, "P1D", "1d")]
    [InlineData(20160, "P14D", "14d")]
    public void Durations_are_ISO_8601_in_ARM_and_short_in_YAML(int minutes, string iso, string shortForm)
    {
        Assert.Equal(iso, SentinelDuration.ToIso8601(TimeSpan.FromMinutes(minutes)));
        Assert.Equal(shortForm, SentinelDuration.ToShortForm(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void A_value_starting_with_a_bracket_is_escaped_so_ARM_does_not_evaluate_it_and_techniques_are_split()
    {
        var rule = new SentinelAlertRule(Guid.NewGuid(), "[concat('x')]", "d \"quoted\" <b>", AlertSeverity.Low, "SigninLogs | take 1")
        {
            Tactics = new[] { "InitialAccess" },
            Techniques = new[] { "T1078.004", "T1078" },
            RequiredDataConnectors = new[] { new AlertDataConnector("AzureActiveDirectory", new[] { "SigninLogs" }) },
        };
        using var document = JsonDocument.Parse(SentinelArmTemplateWriter.Write(rule));
        var properties = document.RootElement.GetProperty("resources")[0].GetProperty("properties");
        Assert.Equal("[[concat('x')]", properties.GetProperty("displayName").GetString());
        Assert.Equal("d \"quoted\" <b>", properties.GetProperty("description").GetString());
        Assert.Equal(new[] { "T1078" }, properties.GetProperty("techniques").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(new[] { "T1078.004" }, properties.GetProperty("subTechniques").EnumerateArray().Select(t => t.GetString()));
    }
}
