using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// The limits Microsoft Sentinel's template validation puts on a scheduled analytics rule (the Azure-Sentinel
/// repository's detection-template schema checks): lengths, the frequency and period window, the trigger threshold,
/// entity mappings, custom-detail keys and the version format. The export refuses a rule that breaks one, so a
/// template the module writes always deploys.
/// </summary>
public static class SentinelRuleConstraints
{
    public const int MaxNameLength = 256;
    public const int MaxDescriptionLength = 5000;
    public const int MaxQueryLength = 10000;
    public const int MaxThreshold = 10000;
    public const int MaxEntityMappings = 5;
    public const int MaxFieldMappings = 3;
    public const int MaxCustomDetails = 20;
    public const int MaxCustomDetailKeyLength = 20;

    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    /// <summary>MITRE ATT&amp;CK enterprise tactics as Sentinel names them.</summary>
    public static IReadOnlyList<string> Tactics { get; } = new[]
    {
        "Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation", "DefenseEvasion",
        "CredentialAccess", "Discovery", "LateralMovement", "Collection", "CommandAndControl", "Exfiltration", "Impact",
    };

    private static readonly Regex CustomDetailKey = new("^[a-zA-Z]+\\w*$", RegexOptions.CultureInvariant);
    private static readonly Regex Technique = new("^T\\d{4}(\\.\\d{3})?$", RegexOptions.CultureInvariant);
    private static readonly Regex Version = new("^\\d+\\.\\d+\\.\\d+$", RegexOptions.CultureInvariant);

    /// <summary>Every limit the rule breaks, as a sentence naming the field; empty when it deploys.</summary>
    public static IReadOnlyList<string> Problems(SentinelAlertRule rule)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(rule.Id != Guid.Empty, "id is the empty GUID.");
        Check(rule.DisplayName.Trim().Length > 0 && rule.DisplayName.Length <= MaxNameLength, "name must have 1 to " + MaxNameLength + " characters.");
        Check(rule.Description.Trim().Length > 0 && rule.Description.Length <= MaxDescriptionLength, "description must have 1 to " + MaxDescriptionLength + " characters.");
        Check(rule.Query.Trim().Length > 0 && rule.Query.Length <= MaxQueryLength, "query must have 1 to " + MaxQueryLength + " characters (it has " + rule.Query.Length + ").");
        Check(InWindow(rule.QueryFrequency), "queryFrequency must be between 5 minutes and 14 days.");
        Check(InWindow(rule.QueryPeriod), "queryPeriod must be between 5 minutes and 14 days.");
        Check(rule.QueryPeriod >= rule.QueryFrequency, "queryPeriod must not be shorter than queryFrequency.");
        Check(rule.QueryPeriod < TimeSpan.FromDays(2) || rule.QueryFrequency >= TimeSpan.FromHours(1), "queryFrequency must be at least 1 hour when queryPeriod is 2 days or more.");
        Check(rule.TriggerThreshold >= 0 && rule.TriggerThreshold <= MaxThreshold, "triggerThreshold must be between 0 and " + MaxThreshold + ".");
        Check(rule.Tactics.Count > 0 && rule.Tactics.All(t => Tactics.Contains(t, StringComparer.Ordinal)), "tactics must name MITRE ATT&CK tactics (" + string.Join(", ", Tactics) + ").");
        Check(rule.Techniques.All(t => Technique.IsMatch(t)), "relevantTechniques must be MITRE technique ids such as T1078 or T1078.004.");
        Check(rule.RequiredDataConnectors.Count > 0 && rule.RequiredDataConnectors.All(c => c.ConnectorId.Length > 0 && c.DataTypes.Count > 0), "requiredDataConnectors must name a connector with its data types.");
        Check(rule.EntityMappings.Count <= MaxEntityMappings, "at most " + MaxEntityMappings + " entity mappings.");
        Check(rule.EntityMappings.All(e => e.FieldMappings.Count >= 1 && e.FieldMappings.Count <= MaxFieldMappings), "each entity mapping needs 1 to " + MaxFieldMappings + " field mappings.");
        Check(rule.CustomDetails.Count <= MaxCustomDetails, "at most " + MaxCustomDetails + " custom details.");
        Check(rule.CustomDetails.All(d => d.Key.Length <= MaxCustomDetailKeyLength && CustomDetailKey.IsMatch(d.Key)), "custom detail keys start with a letter, hold only letters, digits and underscores, and have at most " + MaxCustomDetailKeyLength + " characters.");
        Check(rule.CustomDetails.Select(d => d.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() == rule.CustomDetails.Count, "custom detail keys must be unique.");
        Check(rule.Version.Length <= 20 && Version.IsMatch(rule.Version), "version must be a.b.c.");
        return problems;
    }

    private static bool InWindow(TimeSpan duration) => duration >= MinDuration && duration <= MaxDuration;
}
