using System;
using EntraStrongAuth.Core.Workspace.Alerts;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>What a catalog query is for: to run by hand in Log Analytics, or to deploy as a Sentinel analytics rule.</summary>
public enum KqlQueryKind
{
    Analysis,
    Alert,
}

/// <summary>
/// One named KQL query the module can print (Get-StrongAuthKql): its text, what it does, and for an alert the
/// Sentinel analytics-rule metadata it is exported with.
/// </summary>
public sealed class KqlCatalogEntry
{
    private KqlCatalogEntry(string name, KqlQueryKind kind, string description, string kql, SentinelAlertRule? alert)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A catalog entry needs a name.", nameof(name)) : name;
        Kind = kind;
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Kql = kql ?? throw new ArgumentNullException(nameof(kql));
        Alert = alert;
    }

    /// <summary>The name Get-StrongAuthKql -Name matches (letters, digits and dashes by convention).</summary>
    public string Name { get; }

    public KqlQueryKind Kind { get; }

    public string Description { get; }

    public string Kql { get; }

    /// <summary>The analytics-rule metadata; null for an analysis query.</summary>
    public SentinelAlertRule? Alert { get; }

    /// <summary>The alert's severity; null for an analysis query.</summary>
    public AlertSeverity? Severity => Alert?.Severity;

    /// <summary>How often the alert runs; null for an analysis query.</summary>
    public TimeSpan? Frequency => Alert?.QueryFrequency;

    /// <summary>How far back each run of the alert looks; null for an analysis query.</summary>
    public TimeSpan? Period => Alert?.QueryPeriod;

    /// <summary>The alert rule's fixed GUID; null for an analysis query.</summary>
    public Guid? Id => Alert?.Id;

    /// <summary>A query to run by hand.</summary>
    public static KqlCatalogEntry Analysis(string name, string description, string kql) => new(name, KqlQueryKind.Analysis, description, kql, null);

    /// <summary>A Sentinel analytics rule: the catalog entry shows the rule's description and query.</summary>
    public static KqlCatalogEntry ForAlert(string name, SentinelAlertRule rule) =>
        new(name, KqlQueryKind.Alert, (rule ?? throw new ArgumentNullException(nameof(rule))).Description, rule.Query, rule);

    public override string ToString() => Name;
}
