using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// Which sign-in tables a workspace has, with their columns and types, probed once per command with
/// <c>T | getschema</c> (one cheap query per table, no rows scanned). A table the workspace lacks is the common case of
/// diagnostic settings that do not send a category, so it is said once as a warning naming the category to turn on;
/// only when none of the tables a read needs exists does the read stop with <see cref="ErrorIds.WorkspaceTableMissing"/>.
/// Columns the classification reads but a table lacks (older workspaces miss the newer ones) are said once too.
/// </summary>
internal sealed class WorkspaceSchema
{
    private readonly IWorkspaceQueries _queries;
    private readonly Func<string, Task> _warn;
    private readonly Dictionary<SignInEventType, WorkspaceSignInTable?> _tables = new();

    public WorkspaceSchema(IWorkspaceQueries queries, Func<string, Task> warn)
    {
        _queries = queries;
        _warn = warn;
    }

    /// <summary>The tables holding the kinds of sign-in asked for; those the workspace lacks are warned about and left out.</summary>
    public async Task<IReadOnlyList<WorkspaceSignInTable>> TablesAsync(IEnumerable<SignInEventType> eventTypes, string workspace, CancellationToken cancellationToken)
    {
        var wanted = eventTypes.Distinct().ToList();
        var found = new List<WorkspaceSignInTable>();
        foreach (var eventType in wanted)
        {
            if (!_tables.TryGetValue(eventType, out var table))
            {
                table = await ProbeAsync(eventType, cancellationToken).ConfigureAwait(false);
                _tables[eventType] = table;
            }

            if (table is not null)
            {
                found.Add(table);
            }
        }

        if (found.Count == 0 && wanted.Count > 0)
        {
            throw new EntraStrongAuthException(
                ErrorIds.WorkspaceTableMissing,
                FailureKind.ObjectNotFound,
                "Workspace " + workspace + " has none of the tables these sign-ins are in: " + string.Join(", ", wanted.Select(WorkspaceSignInTable.NameOf)) + ".",
                "In Microsoft Entra ID > Monitoring > Diagnostic settings, send the categories " + string.Join(", ", wanted.Select(WorkspaceSignInTable.CategoryOf))
                    + " to this workspace (or pass the workspace that receives them).");
        }

        return found;
    }

    private async Task<WorkspaceSignInTable?> ProbeAsync(SignInEventType eventType, CancellationToken cancellationToken)
    {
        var name = WorkspaceSignInTable.NameOf(eventType);
        try
        {
            using var result = await _queries.QueryAsync(SignInKql.Schema(name), cancellationToken).ConfigureAwait(false);
            if (result.Truncated)
            {
                // A schema is a hundred rows at most; a cut one would silently drop columns from every query.
                throw new EntraStrongAuthException(ErrorIds.WorkspaceQueryFailed, FailureKind.ResourceUnavailable, "The schema of " + name + " came back cut short (" + result.RowCount + " columns).", "Try again; if it persists, run '" + SignInKql.Schema(name) + "' in the workspace's Logs blade.");
            }

            var columns = new List<KeyValuePair<string, string>>();
            for (var row = 0; row < result.RowCount; row++)
            {
                var column = result.Cell(row, "ColumnName");
                var type = result.Cell(row, "ColumnType");
                if (column.ValueKind == JsonValueKind.String)
                {
                    columns.Add(new KeyValuePair<string, string>(column.GetString()!, type.ValueKind == JsonValueKind.String ? type.GetString()! : "string"));
                }
            }

            var table = new WorkspaceSignInTable(name, eventType, columns);
            await WarnAboutMissingColumnsAsync(table).ConfigureAwait(false);
            return table;
        }
        catch (EntraStrongAuthException e) when (e.ErrorId == ErrorIds.WorkspaceTableMissing)
        {
            await _warn(e.Message + " " + WhatIsLost(eventType) + " " + e.RecommendedAction).ConfigureAwait(false);
            return null;
        }
    }

    private Task WarnAboutMissingColumnsAsync(WorkspaceSignInTable table)
    {
        // Only the columns the classification reads, of the kind of table that should have them (the user tables'
        // columns are not expected in the service-principal ones).
        if (table.EventType is not (SignInEventType.Interactive or SignInEventType.NonInteractive))
        {
            return Task.CompletedTask;
        }

        // SignInEventTypes is absent from SigninLogs by design: the table itself says the sign-ins are interactive.
        var missing = SignInFieldRegistry.All
            .Where(e => e.IsReadByClassifier && e.LogAnalyticsColumns.Count > 0 && !e.LogAnalyticsColumns.Any(table.Has))
            .Where(e => e.Field != SignInField.SignInEventTypes)
            .Select(e => e.LogAnalyticsColumns[0])
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
        return missing.Count == 0
            ? Task.CompletedTask
            : _warn(table.Name + " in this workspace has no column " + string.Join(", ", missing)
                + ": the rules that read them see those fields as missing, and their findings say so with lower confidence. Newer columns appear once Entra writes them to the workspace.");
    }

    private static string WhatIsLost(SignInEventType eventType) => eventType switch
    {
        SignInEventType.NonInteractive => "Non-interactive sign-ins (token refreshes, scripts using a refresh token, apps failing silently) are not read, so silent failures and app recovery go unseen.",
        SignInEventType.Interactive => "Interactive sign-ins are not read, so failures people see and their resolving sign-ins go unseen.",
        _ => "Workload identities' sign-ins are not read, so a move to a service principal or managed identity cannot be proven from this workspace.",
    };
}
