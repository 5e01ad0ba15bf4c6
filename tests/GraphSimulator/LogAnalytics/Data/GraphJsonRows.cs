using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>
/// The workspace of a tenant loaded from a Graph JSON file: each signIn object becomes a row of the table its
/// signInEventTypes name (interactiveUser → SigninLogs, nonInteractiveUser → AADNonInteractiveUserSignInLogs,
/// servicePrincipal → AADServicePrincipalSignInLogs, managedIdentity → AADManagedIdentitySignInLogs). A column takes the
/// Graph property of the same camelCase name unless mapped below; JSON-valued properties keep their JSON text.
/// Coarser than the generator's rendering (no ingestion time, no Monitor spellings), but the same sign-ins.
/// </summary>
internal static class GraphJsonRows
{
    /// <summary>Columns whose Graph source has another name or shape: a path of properties.</summary>
    private static readonly Dictionary<string, string[]> Sources = new(StringComparer.Ordinal)
    {
        ["TimeGenerated"] = new[] { "createdDateTime" },
        ["ResultType"] = new[] { "status", "errorCode" },
        ["ResultDescription"] = new[] { "status", "failureReason" },
        ["ConditionalAccessPolicies"] = new[] { "appliedConditionalAccessPolicies" },
        ["LocationDetails"] = new[] { "location" },
        ["Location"] = new[] { "location", "countryOrRegion" },
        ["IPAddress"] = new[] { "ipAddress" },
        ["Identity"] = new[] { "userDisplayName" },
        ["ProcessingTimeInMilliseconds"] = new[] { "processingTimeInMilliseconds" },
        ["ProcessingTimeInMs"] = new[] { "processingTimeInMilliseconds" },
        ["AlternateSignInName"] = new[] { "userPrincipalName" },
    };

    private static readonly (string EventType, string Table, string Category)[] Tables =
    {
        ("interactiveUser", TableSchemas.SigninLogs, "SignInLogs"),
        ("nonInteractiveUser", TableSchemas.NonInteractive, "NonInteractiveUserSignInLogs"),
        ("servicePrincipal", TableSchemas.ServicePrincipal, "ServicePrincipalSignInLogs"),
        ("managedIdentity", TableSchemas.ManagedIdentity, "ManagedIdentitySignInLogs"),
    };

    public static LogAnalyticsWorkspace Build(IEnumerable<SimSignIn> signIns)
    {
        var pool = new StringPool();
        var tables = TableSchemas.TableNames.ToDictionary(n => n, n => new StoredTable(n, TableSchemas.Columns(n), pool), StringComparer.Ordinal);
        foreach (var signIn in signIns)
        {
            var (_, name, category) = Tables.FirstOrDefault(t => signIn.SignInEventTypes.Contains(t.EventType, StringComparer.OrdinalIgnoreCase));
            if (name is null)
            {
                continue;
            }

            var table = tables[name];
            using var json = JsonDocument.Parse(signIn.Json);
            table.Add(table.Columns.Select(c => Cell(json.RootElement, c, name, category)).ToArray());
        }

        foreach (var table in tables.Values)
        {
            table.TrimExcess();
        }

        pool.Freeze();
        return new LogAnalyticsWorkspace(tables.Values.ToArray());
    }

    private static string? Cell(JsonElement signIn, KqlColumn column, string table, string category)
    {
        switch (column.Name)
        {
            case "Type":
                return table;
            case "Category":
                return category;
            case "ResultType" when !Find(signIn, Sources["ResultType"], out _):
                return "0";
        }

        string[] path = Sources.TryGetValue(column.Name, out var mapped) ? mapped : new[] { char.ToLowerInvariant(column.Name[0]) + column.Name[1..] };
        if (!Find(signIn, path, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => null,
        };
    }

    private static bool Find(JsonElement element, string[] path, out JsonElement value)
    {
        value = element;
        foreach (string name in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

}
