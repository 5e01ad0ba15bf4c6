using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Workspace.Headless;
using EntraStrongAuth.Engine.Workspace;

namespace EntraStrongAuth.Engine.Application.Headless;

/// <summary>
/// The rows of <see cref="HeadlessKql"/>'s queries as scorer input. Kusto's empty string is the log's missing value
/// (its string columns are never null), so it reads as null, as the sign-in readers read a missing field. A dynamic
/// cell (Hours, Starts) may arrive as a JSON array or as JSON text.
/// </summary>
internal static class WorkspaceHeadlessRows
{
    public static HeadlessGroup Group(WorkspaceTable t, int row)
    {
        var result = Text(t, row, "Result");
        return new HeadlessGroup
        {
            SignIns = Long(t, row, "SignIns") ?? 0,
            First = Time(t, row, "First"),
            Last = Time(t, row, "Last"),
            Hours = Array(t, row, "Hours", e => (int)e.GetInt64()),
            UserPrincipalName = Text(t, row, "UserPrincipalName"),
            UserId = Text(t, row, "UserId"),
            AppId = Text(t, row, "AppId"),
            AppDisplayName = Text(t, row, "AppDisplayName"),
            ResourceId = Text(t, row, "ResourceIdentity"),
            ResourceDisplayName = Text(t, row, "ResourceDisplayName"),
            IpAddress = Text(t, row, "IPAddress"),
            AutonomousSystemNumber = long.TryParse(Text(t, row, "AutonomousSystemNumber"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var asn) ? asn : null,
            UserAgent = Text(t, row, "UserAgent"),
            ClientAppUsed = Text(t, row, "ClientAppUsed"),
            AuthenticationProtocol = Text(t, row, "AuthenticationProtocol"),
            OriginalTransferMethod = Text(t, row, "OriginalTransferMethod"),
            IsInteractive = Bool(t, row, "IsInteractive"),
            HasDevice = Bool(t, row, "HasDevice") ?? false,
            IsSuccess = result == HeadlessKql.Success,
            IsStrongAuthFailure = result == HeadlessKql.StrongAuthFailure,
            MfaSatisfied = Bool(t, row, "Mfa") ?? false,
        };
    }

    /// <summary>A run-starts row: the account, the app key (per-app query only) and the starts.</summary>
    public static (string Account, string? App, IReadOnlyList<long> Starts) Starts(WorkspaceTable t, int row) =>
        (Text(t, row, "Account") ?? string.Empty, t.HasColumn("AppKey") ? Text(t, row, "AppKey") ?? string.Empty : null, Array(t, row, "Starts", e => e.GetInt64()));

    private static string? Text(WorkspaceTable t, int row, string column)
    {
        var cell = t.Cell(row, column);
        var text = cell.ValueKind switch
        {
            JsonValueKind.String => cell.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => cell.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static long? Long(WorkspaceTable t, int row, string column)
    {
        var cell = t.Cell(row, column);
        return cell.ValueKind == JsonValueKind.Number ? cell.GetInt64()
            : long.TryParse(Text(t, row, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool? Bool(WorkspaceTable t, int row, string column)
    {
        var cell = t.Cell(row, column);
        return cell.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(cell.GetString(), out var value) => value,
            _ => null,
        };
    }

    private static DateTimeOffset Time(WorkspaceTable t, int row, string column) =>
        DateTimeOffset.Parse(Text(t, row, column) ?? throw Missing(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static List<T> Array<T>(WorkspaceTable t, int row, string column, Func<JsonElement, T> item)
    {
        var cell = t.Cell(row, column);
        if (cell.ValueKind == JsonValueKind.String)
        {
            using var parsed = JsonDocument.Parse(cell.GetString() ?? "[]");
            return Items(parsed.RootElement, item);
        }

        return Items(cell, item);
    }

    private static List<T> Items<T>(JsonElement array, Func<JsonElement, T> item)
    {
        var items = new List<T>();
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in array.EnumerateArray())
            {
                items.Add(item(element));
            }
        }

        return items;
    }

    private static InvalidOperationException Missing(string column) => new("The workspace result has no " + column + " value.");
}
