using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>
/// The KQL of one page of sign-ins from a workspace: every filter of a <see cref="SignInQuery"/> pushed into the
/// query (time, codes, users, apps, ids), only the asked-for columns projected, the tables of the asked-for kinds of
/// sign-in unioned, newest first, cut at a page size and continued after a <see cref="SignInKeyset"/>. Values reach the
/// text only through <see cref="KqlLiteral"/>. Columns that are dynamic in one table (or typed differently in two) are
/// projected as text, so the union has one column of one type and the reader parses the JSON text as it does for exports.
/// </summary>
internal static class SignInKql
{
    /// <summary>Rows per page: well under the query API's 500,000-row and 64 MB caps at a few KB per projected row.</summary>
    public const int DefaultPageRows = 10000;

    /// <summary>
    /// TimeGenerated is the partition column Kusto prunes on, so every leg filters on it first; it is set when the row
    /// is written, at or shortly after the sign-in, hence the slack around the exact CreatedDateTime range.
    /// </summary>
    public static readonly TimeSpan IngestionSlackBefore = TimeSpan.FromHours(1);

    public static readonly TimeSpan IngestionSlackAfter = TimeSpan.FromDays(1);

    /// <summary>The page query, or null when no table can hold a matching sign-in (none of the kinds asked for, or a filter on a column no such table has).</summary>
    /// <param name="query">The range, kinds and filters (<see cref="SignInQuery.RawFilter"/> is OData and must be refused before).</param>
    /// <param name="tables">The workspace's sign-in tables as probed.</param>
    /// <param name="columns">The columns to return (those a table lacks are left out of its leg).</param>
    /// <param name="from">Inclusive start of this slice of the range.</param>
    /// <param name="to">Exclusive end of this slice.</param>
    /// <param name="after">The last row of the previous page, or null for the first page.</param>
    /// <param name="take">Rows per page.</param>
    public static string? Page(SignInQuery query, IEnumerable<WorkspaceSignInTable> tables, IReadOnlyCollection<string> columns, DateTimeOffset from, DateTimeOffset to, SignInKeyset? after, int take)
    {
        if (query is null || tables is null || columns is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : tables is null ? nameof(tables) : nameof(columns));
        }

        if (take <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(take), "A page holds at least one row.");
        }

        var legs = tables.Where(t => query.EventTypes.Contains(t.EventType) && CanMatch(query, t)).ToList();
        if (legs.Count == 0)
        {
            return null;
        }

        var asText = TextColumns(legs, columns);
        var text = new StringBuilder("union");
        for (var i = 0; i < legs.Count; i++)
        {
            text.Append(i == 0 ? "\n    (" : ",\n    (");
            AppendLeg(text, legs[i], query, columns, asText, from, to, after);
            text.Append(')');
        }

        text.Append("\n| sort by CreatedDateTime desc, Id desc\n| take ").Append(take.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>Probes a table's columns and types (a table the workspace lacks fails with SEM0100, which is how a missing table is found).</summary>
    public static string Schema(string table) => Identifier(table) + " | getschema | project ColumnName, ColumnType";

    private static void AppendLeg(StringBuilder text, WorkspaceSignInTable table, SignInQuery query, IReadOnlyCollection<string> columns, HashSet<string> asText, DateTimeOffset from, DateTimeOffset to, SignInKeyset? after)
    {
        // Service-principal and managed-identity tables have no CreatedDateTime: their TimeGenerated is the sign-in's time.
        var created = table.Has("CreatedDateTime") ? "CreatedDateTime" : "TimeGenerated";
        text.Append(Identifier(table.Name));
        text.Append("\n    | where TimeGenerated >= ").Append(KqlLiteral.DateTime(from.UtcDateTime - IngestionSlackBefore))
            .Append(" and TimeGenerated < ").Append(KqlLiteral.DateTime(to.UtcDateTime + IngestionSlackAfter));
        if (created != "TimeGenerated")
        {
            text.Append("\n    | where CreatedDateTime >= ").Append(KqlLiteral.DateTime(from.UtcDateTime))
                .Append(" and CreatedDateTime < ").Append(KqlLiteral.DateTime(to.UtcDateTime));
        }
        else
        {
            text.Append("\n    | where TimeGenerated < ").Append(KqlLiteral.DateTime(to.UtcDateTime));
        }

        if (query.ErrorCodes.Count > 0)
        {
            text.Append("\n    | where ResultType in (")
                .Append(string.Join(", ", query.ErrorCodes.Distinct().Select(code => KqlLiteral.Quote(code.ToString(CultureInfo.InvariantCulture)))))
                .Append(')');
        }

        AppendUserWindows(text, created, query.UserWindows);
        AppendAnyOf(text, "UserPrincipalName", query.UserPrincipalNames);
        AppendAnyOf(text, "UserId", query.UserIds);
        AppendAnyOf(text, "AppId", query.AppIds);
        AppendAnyOf(text, "ServicePrincipalId", query.ServicePrincipalIds);
        AppendAnyOf(text, "Id", query.SignInIds);
        AppendAnyOf(text, "CorrelationId", query.CorrelationIds);
        if (after is not null)
        {
            var at = KqlLiteral.DateTime(after.CreatedDateTime.UtcDateTime);
            text.Append("\n    | where ").Append(created).Append(" < ").Append(at)
                .Append(" or (").Append(created).Append(" == ").Append(at).Append(" and strcmp(Id, ").Append(KqlLiteral.Quote(after.Id)).Append(") < 0)");
        }

        var projected = columns.Where(table.Has).Select(Identifier).Select(c =>
            WorkspaceColumns.HoldsJson(c) ? c + " = tostring(todynamic(" + c + "))"
            : asText.Contains(c) ? c + " = tostring(" + c + ")"
            : c).ToList();
        if (created == "TimeGenerated" && columns.Contains("CreatedDateTime"))
        {
            projected.Add("CreatedDateTime = TimeGenerated");
        }

        text.Append("\n    | project ").Append(string.Join(", ", projected));
    }

    private static void AppendUserWindows(StringBuilder text, string created, IReadOnlyList<UserWindow> windows)
    {
        if (windows.Count == 0)
        {
            return;
        }

        // The names first, as one list: an index lookup that leaves the ranges only the users' own rows to test.
        text.Append("\n    | where UserPrincipalName in~ (").Append(KqlLiteral.StringList(windows.Select(w => w.UserPrincipalName).Distinct(StringComparer.OrdinalIgnoreCase))).Append(')');
        text.Append("\n    | where ");
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            text.Append(i == 0 ? "(" : "\n        or (")
                .Append("UserPrincipalName =~ ").Append(KqlLiteral.Quote(window.UserPrincipalName))
                .Append(" and ").Append(created).Append(" >= ").Append(KqlLiteral.DateTime(window.From.UtcDateTime))
                .Append(" and ").Append(created).Append(" < ").Append(KqlLiteral.DateTime(window.To.UtcDateTime)).Append(')');
        }
    }

    private static void AppendAnyOf(StringBuilder text, string column, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            text.Append("\n    | where ").Append(column).Append(" in~ (").Append(KqlLiteral.StringList(values)).Append(')');
        }
    }

    /// <summary>A filter on a column the table does not have matches none of its rows (as Graph's <c>eq</c> on a property a sign-in kind lacks).</summary>
    private static bool CanMatch(SignInQuery query, WorkspaceSignInTable table) =>
        ((query.UserPrincipalNames.Count == 0 && query.UserWindows.Count == 0) || table.Has("UserPrincipalName"))
        && (query.UserIds.Count == 0 || table.Has("UserId"))
        && (query.AppIds.Count == 0 || table.Has("AppId"))
        && (query.ServicePrincipalIds.Count == 0 || table.Has("ServicePrincipalId"))
        && (query.SignInIds.Count == 0 || table.Has("Id"))
        && (query.CorrelationIds.Count == 0 || table.Has("CorrelationId"))
        && (query.ErrorCodes.Count == 0 || table.Has("ResultType"))
        && table.Has("Id");

    /// <summary>Columns dynamic in some leg, or of different types in two legs: projected as text so the union keeps one column.</summary>
    private static HashSet<string> TextColumns(IReadOnlyList<WorkspaceSignInTable> legs, IReadOnlyCollection<string> columns)
    {
        var asText = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            var types = legs.Select(t => t.TypeOf(column)).Where(t => t is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (types.Count > 1 || types.Any(t => string.Equals(t, "dynamic", StringComparison.OrdinalIgnoreCase)))
            {
                asText.Add(column);
            }
        }

        return asText;
    }

    /// <summary>Table and column names come from the module's own lists; anything else is refused rather than bracketed.</summary>
    private static string Identifier(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("Not a plain KQL identifier: " + name, nameof(name));
        }

        return name;
    }
}
