using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// Writes a rule as an analytics-rule template in the Azure-Sentinel repository's YAML format (the fields its
/// template validation reads, in its usual order). Every string goes through <see cref="YamlScalar"/>; keys are the
/// format's own names or custom-detail keys, which <see cref="SentinelRuleConstraints"/> holds to letters, digits and
/// underscores.
/// </summary>
public static class SentinelYamlWriter
{
    public static string Write(SentinelAlertRule rule)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        var yaml = new StringBuilder();
        Line(yaml, 0, "id: " + YamlScalar.Quote(rule.Id.ToString("D")));
        Line(yaml, 0, "name: " + YamlScalar.Quote(rule.DisplayName));
        Line(yaml, 0, "description: " + YamlScalar.Quote(rule.Description));
        Line(yaml, 0, "severity: " + YamlScalar.Quote(rule.Severity.ToString()));
        Line(yaml, 0, "requiredDataConnectors:");
        foreach (var connector in rule.RequiredDataConnectors)
        {
            Line(yaml, 2, "- connectorId: " + YamlScalar.Quote(connector.ConnectorId));
            Line(yaml, 4, "dataTypes:");
            List(yaml, 6, connector.DataTypes);
        }

        Line(yaml, 0, "queryFrequency: " + YamlScalar.Quote(SentinelDuration.ToShortForm(rule.QueryFrequency)));
        Line(yaml, 0, "queryPeriod: " + YamlScalar.Quote(SentinelDuration.ToShortForm(rule.QueryPeriod)));
        Line(yaml, 0, "triggerOperator: " + YamlScalar.Quote(ShortOperator(rule.TriggerOperator)));
        Line(yaml, 0, "triggerThreshold: " + rule.TriggerThreshold.ToString(CultureInfo.InvariantCulture));
        Line(yaml, 0, "tactics:");
        List(yaml, 2, rule.Tactics);
        Line(yaml, 0, "relevantTechniques:");
        List(yaml, 2, rule.Techniques);
        Line(yaml, 0, "query: " + YamlScalar.Block(rule.Query, 2));
        Line(yaml, 0, "entityMappings:");
        foreach (var entity in rule.EntityMappings)
        {
            Line(yaml, 2, "- entityType: " + YamlScalar.Quote(entity.EntityType));
            Line(yaml, 4, "fieldMappings:");
            foreach (var field in entity.FieldMappings)
            {
                Line(yaml, 6, "- identifier: " + YamlScalar.Quote(field.Key));
                Line(yaml, 8, "columnName: " + YamlScalar.Quote(field.Value));
            }
        }

        if (rule.CustomDetails.Count > 0)
        {
            Line(yaml, 0, "customDetails:");
            foreach (var detail in rule.CustomDetails)
            {
                Line(yaml, 2, detail.Key + ": " + YamlScalar.Quote(detail.Value));
            }
        }

        Line(yaml, 0, "version: " + YamlScalar.Quote(rule.Version));
        Line(yaml, 0, "kind: " + YamlScalar.Quote(rule.Kind));
        return yaml.ToString();
    }

    /// <summary>gt, lt, eq, ne: the YAML's spelling of the trigger operator.</summary>
    public static string ShortOperator(AlertTriggerOperator op) => op switch
    {
        AlertTriggerOperator.GreaterThan => "gt",
        AlertTriggerOperator.LessThan => "lt",
        AlertTriggerOperator.Equal => "eq",
        _ => "ne",
    };

    private static void List(StringBuilder yaml, int indent, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Line(yaml, indent, "- " + YamlScalar.Quote(value));
        }
    }

    // LF line ends whatever the platform, so a template is byte-identical wherever it is exported.
    private static void Line(StringBuilder yaml, int indent, string text) => yaml.Append(' ', indent).Append(text).Append('\n');
}
