using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EntraStrongAuth.Core.Workspace.Alerts;

namespace EntraStrongAuth.Engine.Application.SentinelTemplates;

/// <summary>
/// Writes a rule as an ARM template that deploys it into a Sentinel workspace: one
/// <c>Microsoft.OperationalInsights/workspaces/providers/alertRules</c> resource of kind Scheduled, named
/// <c>&lt;workspace&gt;/Microsoft.SecurityInsights/&lt;rule id&gt;</c> (so a redeployment replaces the rule), with the
/// durations in ISO 8601 and the operator spelled out. ARM evaluates a string that starts with '[' as an
/// expression, so such a value is written with the '[[' escape.
/// </summary>
public static class SentinelArmTemplateWriter
{
    /// <summary>The Microsoft.SecurityInsights API version of the alertRules resource.</summary>
    public const string ApiVersion = "2024-09-01";

    public const string ResourceType = "Microsoft.OperationalInsights/workspaces/providers/alertRules";

    public static string Write(SentinelAlertRule rule)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
            json.WriteString("contentVersion", "1.0.0.0");
            json.WriteStartObject("parameters");
            json.WriteStartObject("workspace");
            json.WriteString("type", "string");
            json.WriteStartObject("metadata");
            json.WriteString("description", "The name of the Log Analytics workspace Microsoft Sentinel runs on.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("resources");
            WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>A literal string for ARM: one starting with '[' would be evaluated as a template expression.</summary>
    public static string Literal(string value) => value.StartsWith("[", StringComparison.Ordinal) ? "[" + value : value;

    private static void WriteRule(Utf8JsonWriter json, SentinelAlertRule rule)
    {
        var id = rule.Id.ToString("D");
        json.WriteStartObject();
        json.WriteString("type", ResourceType);
        json.WriteString("apiVersion", ApiVersion);
        json.WriteString("name", "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/','" + id + "')]");
        json.WriteString("kind", rule.Kind);
        json.WriteStartObject("properties");
        json.WriteString("displayName", Literal(rule.DisplayName));
        json.WriteString("description", Literal(rule.Description));
        json.WriteString("severity", rule.Severity.ToString());
        json.WriteBoolean("enabled", true);
        json.WriteString("query", Literal(rule.Query));
        json.WriteString("queryFrequency", SentinelDuration.ToIso8601(rule.QueryFrequency));
        json.WriteString("queryPeriod", SentinelDuration.ToIso8601(rule.QueryPeriod));
        json.WriteString("triggerOperator", rule.TriggerOperator.ToString());
        json.WriteNumber("triggerThreshold", rule.TriggerThreshold);
        json.WriteString("suppressionDuration", "PT5H");
        json.WriteBoolean("suppressionEnabled", false);
        Strings(json, "tactics", rule.Tactics.ToArray());

        // ARM lists parent techniques and sub-techniques apart (T1078 and T1078.004).
        Strings(json, "techniques", rule.Techniques.Select(t => t.Split('.')[0]).Distinct(StringComparer.Ordinal).ToArray());
        Strings(json, "subTechniques", rule.Techniques.Where(t => t.IndexOf('.') >= 0).ToArray());
        json.WriteStartArray("entityMappings");
        foreach (var entity in rule.EntityMappings)
        {
            json.WriteStartObject();
            json.WriteString("entityType", entity.EntityType);
            json.WriteStartArray("fieldMappings");
            foreach (var field in entity.FieldMappings)
            {
                json.WriteStartObject();
                json.WriteString("identifier", field.Key);
                json.WriteString("columnName", Literal(field.Value));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("customDetails");
        foreach (var detail in rule.CustomDetails)
        {
            json.WriteString(detail.Key, Literal(detail.Value));
        }

        json.WriteEndObject();
        json.WriteStartObject("eventGroupingSettings");
        json.WriteString("aggregationKind", "AlertPerResult");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
