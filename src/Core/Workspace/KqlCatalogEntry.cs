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
        QueryKind = kind;
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Kql = kql ?? throw new ArgumentNullException(nameof(kql));
        Alert = alert;
    }

    /// <summary>The name Get-StrongAuthKql -Name matches (letters, digits and dashes by convention).</summary>
    public string Name { get; }

    /// <summary>Analysis or Alert (a <see cref="KqlQueryKind"/> name).</summary>
    public string Kind => QueryKind.ToString();

    internal KqlQueryKind QueryKind { get; }

    public string Description { get; }

    public string Kql { get; }

    /// <summary>The analytics-rule metadata; null for an analysis query.</summary>
    internal SentinelAlertRule? Alert { get; }

    /// <summary>The alert's severity; null for an analysis query.</summary>
    public string? Severity => Alert?.Severity.ToString();

    /// <summary>How often the alert runs, as Sentinel writes it (ISO 8601: "P1D", "PT1H"); null for an analysis query.</summary>
    public string? Frequency => Alert is null ? null : SentinelDuration.ToIso8601(Alert.QueryFrequency);

    /// <summary>How far back each run of the alert looks, as Sentinel writes it (ISO 8601); null for an analysis query.</summary>
    public string? Period => Alert is null ? null : SentinelDuration.ToIso8601(Alert.QueryPeriod);

    /// <summary>The alert rule's fixed GUID; null for an analysis query.</summary>
    public Guid? Id => Alert?.Id;

    /// <summary>A query to run by hand.</summary>
    public static KqlCatalogEntry Analysis(string name, string description, string kql) => new(name, KqlQueryKind.Analysis, description, kql, null);

    /// <summary>A Sentinel analytics rule: the catalog entry shows the rule's description and query.</summary>
    public static KqlCatalogEntry ForAlert(string name, SentinelAlertRule rule) =>
        new(name, KqlQueryKind.Alert, (rule ?? throw new ArgumentNullException(nameof(rule))).Description, rule.Query, rule);

    public override string ToString() => Name;
}
