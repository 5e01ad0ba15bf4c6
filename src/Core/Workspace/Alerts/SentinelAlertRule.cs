using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>Sentinel's alert severities, in increasing order.</summary>
public enum AlertSeverity
{
    Informational,
    Low,
    Medium,
    High,
}

/// <summary>How the number of result rows is compared with the threshold (YAML gt/lt/eq/ne).</summary>
public enum AlertTriggerOperator
{
    GreaterThan,
    LessThan,
    Equal,
    NotEqual,
}

/// <summary>
/// A scheduled Microsoft Sentinel analytics rule, with the fields of the Azure-Sentinel repository's templates:
/// exported as that YAML (<see cref="SentinelYamlWriter"/>) or as an ARM template. The id is a fixed GUID per rule,
/// so a redeployed rule replaces itself instead of adding a twin.
/// </summary>
public sealed class SentinelAlertRule
{
    /// <summary>The only kind the module exports.</summary>
    public const string ScheduledKind = "Scheduled";

    public SentinelAlertRule(Guid id, string displayName, string description, AlertSeverity severity, string query)
    {
        Id = id;
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Severity = severity;
        Query = query ?? throw new ArgumentNullException(nameof(query));
    }

    public Guid Id { get; }

    /// <summary>The rule's display name (the YAML's <c>name</c>).</summary>
    public string DisplayName { get; }

    public string Description { get; }

    public AlertSeverity Severity { get; }

    public string Query { get; }

    public TimeSpan QueryFrequency { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan QueryPeriod { get; init; } = TimeSpan.FromDays(1);

    public AlertTriggerOperator TriggerOperator { get; init; } = AlertTriggerOperator.GreaterThan;

    public int TriggerThreshold { get; init; }

    /// <summary>MITRE ATT&amp;CK tactic names as Sentinel spells them (CredentialAccess, InitialAccess …).</summary>
    public IReadOnlyList<string> Tactics { get; init; } = Array.Empty<string>();

    /// <summary>MITRE technique ids (T1078, T1078.004 …), each belonging to one of <see cref="Tactics"/>.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = Array.Empty<string>();

    public IReadOnlyList<AlertDataConnector> RequiredDataConnectors { get; init; } = Array.Empty<AlertDataConnector>();

    public IReadOnlyList<AlertEntityMapping> EntityMappings { get; init; } = Array.Empty<AlertEntityMapping>();

    /// <summary>Alert fields shown in the incident: key (letters, digits, underscore) → result column, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CustomDetails { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The template version (a.b.c), raised whenever the rule changes.</summary>
    public string Version { get; init; } = "1.0.0";

    public string Kind { get; } = ScheduledKind;

    public override string ToString() => DisplayName + " (" + Id + ")";
}

/// <summary>A data connector a rule needs, with the tables (data types) it reads.</summary>
public sealed class AlertDataConnector
{
    public AlertDataConnector(string connectorId, IReadOnlyList<string> dataTypes)
    {
        ConnectorId = connectorId ?? throw new ArgumentNullException(nameof(connectorId));
        DataTypes = dataTypes ?? throw new ArgumentNullException(nameof(dataTypes));
    }

    public string ConnectorId { get; }

    public IReadOnlyList<string> DataTypes { get; }
}

/// <summary>An entity of the alert (Account, IP, CloudApplication …) built from result columns.</summary>
public sealed class AlertEntityMapping
{
    public AlertEntityMapping(string entityType, IReadOnlyList<KeyValuePair<string, string>> fieldMappings)
    {
        EntityType = entityType ?? throw new ArgumentNullException(nameof(entityType));
        FieldMappings = fieldMappings ?? throw new ArgumentNullException(nameof(fieldMappings));
    }

    public string EntityType { get; }

    /// <summary>Identifier (FullName, Name, UPNSuffix, AadUserId, Address, AppId …) → result column.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FieldMappings { get; }
}
