using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;
using EntraStrongAuth.SignInGenerator.Model;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>
/// Fills the workspace tables from the generator's sign-ins as the Graph side loads them, cell values rendered by the
/// generator's <see cref="LogAnalyticsCells"/> (the same values its Log Analytics file exports write): interactive
/// sign-ins to SigninLogs, non-interactive ones to AADNonInteractiveUserSignInLogs. The workload tables exist empty:
/// the generator makes no service-principal or managed-identity sign-ins.
/// </summary>
internal sealed class WorkspaceBuilder
{
    private readonly LogAnalyticsCells cells;
    private readonly StringPool pool = new();
    private readonly Dictionary<string, StoredTable> tables;
    private readonly (StoredTable Table, (string Name, Func<SignIn, Cell> Value, bool Dynamic)[] Columns) interactive;
    private readonly (StoredTable Table, (string Name, Func<SignIn, Cell> Value, bool Dynamic)[] Columns) nonInteractive;
    private readonly string?[] row;

    public WorkspaceBuilder(Tenant tenant)
    {
        cells = new LogAnalyticsCells(tenant);
        tables = TableSchemas.TableNames.ToDictionary(n => n, n => new StoredTable(n, TableSchemas.Columns(n), pool), StringComparer.Ordinal);
        interactive = (tables[TableSchemas.SigninLogs], cells.For(LogAnalyticsTable.SigninLogs).ToArray());
        nonInteractive = (tables[TableSchemas.NonInteractive], cells.For(LogAnalyticsTable.NonInteractive).ToArray());
        row = new string?[Math.Max(interactive.Columns.Length, nonInteractive.Columns.Length)];
    }

    public void Add(SignIn signIn)
    {
        var (table, columns) = signIn.IsInteractive ? interactive : nonInteractive;
        var types = table.Columns;
        for (int i = 0; i < columns.Length; i++)
        {
            var cell = columns[i].Value(signIn);
            bool dynamic = types[i].Type == KqlType.Dynamic;
            row[i] = cell.Kind switch
            {
                CellKind.Text => cell.Text,
                CellKind.Number => cell.Number.ToString(CultureInfo.InvariantCulture),
                CellKind.Boolean => cell.Flag ? "true" : "false",
                // Dynamic cells compact (parsed when read); string columns hold JSON text as exported rows show it.
                CellKind.Json => cells.JsonText(cell.Json!, indented: !dynamic),
                _ => null,
            };
        }

        table.Add(row);
    }

    public LogAnalyticsWorkspace Build()
    {
        foreach (var table in tables.Values)
        {
            table.TrimExcess();
        }

        pool.Freeze();
        return new LogAnalyticsWorkspace(tables.Values.ToArray());
    }

    /// <summary>A workspace with the four tables and no rows (a tenant loaded from a Graph JSON file).</summary>
    public static LogAnalyticsWorkspace Empty()
    {
        var pool = new StringPool();
        return new LogAnalyticsWorkspace(TableSchemas.TableNames.Select(n => new StoredTable(n, TableSchemas.Columns(n), pool)).ToArray());
    }
}
