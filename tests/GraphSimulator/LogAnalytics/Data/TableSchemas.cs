using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>
/// The served tables' columns and types. Types come from the published schemas (Schemas/*.columns.csv, see
/// Schemas/SOURCES.md); the user sign-in tables list the columns the generator renders, in its order.
/// </summary>
internal static class TableSchemas
{
    public const string SigninLogs = "SigninLogs";
    public const string NonInteractive = "AADNonInteractiveUserSignInLogs";
    public const string ServicePrincipal = "AADServicePrincipalSignInLogs";
    public const string ManagedIdentity = "AADManagedIdentitySignInLogs";

    public static readonly IReadOnlyList<string> TableNames = new[] { SigninLogs, NonInteractive, ServicePrincipal, ManagedIdentity };

    /// <summary>Columns of the newer schema (Sentinel's KQL-validation tables) that the 2024-11 snapshot lacks and that are not strings.</summary>
    private static readonly Dictionary<string, KqlType> NewerColumnTypes = new(StringComparer.Ordinal)
    {
        ["IsTenantRestricted"] = KqlType.Bool,
        ["IsThroughGlobalSecureAccess"] = KqlType.Bool,
    };

    /// <summary>The columns of <paramref name="table"/>: the generator's for the user tables, the published list for the workload ones.</summary>
    public static IReadOnlyList<KqlColumn> Columns(string table)
    {
        var published = Published(table);
        IEnumerable<string> names = table switch
        {
            SigninLogs => LogAnalyticsTable.SigninLogs.Columns,
            NonInteractive => LogAnalyticsTable.NonInteractive.Columns,
            _ => published.Keys,
        };
        return names.Select(n => new KqlColumn(n, published.TryGetValue(n, out var t) ? t : NewerColumnTypes.GetValueOrDefault(n, KqlType.String))).ToArray();
    }

    /// <summary>Column → type from the embedded CSV, in file order, hidden _ columns left out.</summary>
    private static Dictionary<string, KqlType> Published(string table)
    {
        using var stream = typeof(TableSchemas).Assembly.GetManifestResourceStream("LogAnalytics." + table + ".columns.csv")
            ?? throw new InvalidOperationException("Missing embedded schema for " + table);
        using var reader = new StreamReader(stream);
        var types = new Dictionary<string, KqlType>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split(',', 3);
            if (parts.Length >= 2 && !parts[0].StartsWith('_'))
            {
                types[parts[0]] = KqlTypes.Parse(parts[1]);
            }
        }

        return types;
    }
}
