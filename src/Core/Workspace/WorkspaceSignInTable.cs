using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>
/// A sign-in table of a Log Analytics workspace as the schema probe found it: its name, the kind of sign-in it holds
/// (diagnostic settings send each kind to its own table), and its columns with their Kusto types. The two user tables
/// type the same columns differently (ConditionalAccessPolicies, DeviceDetail, Status … are dynamic in SigninLogs and
/// JSON text in AADNonInteractiveUserSignInLogs), so queries take the types from here, never from an assumption.
/// </summary>
internal sealed class WorkspaceSignInTable
{
    private readonly Dictionary<string, string> _columns;

    public WorkspaceSignInTable(string name, SignInEventType eventType, IEnumerable<KeyValuePair<string, string>> columns)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        EventType = eventType;
        _columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in columns ?? throw new ArgumentNullException(nameof(columns)))
        {
            _columns[column.Key] = column.Value;
        }
    }

    /// <summary>The four tables Entra's diagnostic settings write sign-ins to, and the kind of sign-in each holds.</summary>
    public static IReadOnlyList<(string Name, SignInEventType EventType)> Known { get; } = new[]
    {
        ("SigninLogs", SignInEventType.Interactive),
        ("AADNonInteractiveUserSignInLogs", SignInEventType.NonInteractive),
        ("AADServicePrincipalSignInLogs", SignInEventType.ServicePrincipal),
        ("AADManagedIdentitySignInLogs", SignInEventType.ManagedIdentity),
    };

    public string Name { get; }

    public SignInEventType EventType { get; }

    public IReadOnlyCollection<string> Columns => _columns.Keys;

    /// <summary>The diagnostic-settings log category that fills a table, for the advice when it is missing.</summary>
    public static string CategoryOf(SignInEventType eventType) => eventType switch
    {
        SignInEventType.Interactive => "SignInLogs",
        SignInEventType.NonInteractive => "NonInteractiveUserSignInLogs",
        SignInEventType.ServicePrincipal => "ServicePrincipalSignInLogs",
        SignInEventType.ManagedIdentity => "ManagedIdentitySignInLogs",
        _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
    };

    /// <summary>The table that holds one kind of sign-in.</summary>
    public static string NameOf(SignInEventType eventType) => Known.First(k => k.EventType == eventType).Name;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The column's Kusto type ("string", "dynamic", "datetime" …), or null when the table lacks it.</summary>
    public string? TypeOf(string column) => _columns.TryGetValue(column, out var type) ? type : null;
}
