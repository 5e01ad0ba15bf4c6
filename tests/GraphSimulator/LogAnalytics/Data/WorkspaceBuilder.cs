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
    private const int ChunkSize = 4096;

    private readonly Tenant tenant;
    private readonly StringPool pool = new();
    private readonly Dictionary<string, StoredTable> tables;
    private readonly List<SignIn> pending = new(ChunkSize);

    public WorkspaceBuilder(Tenant tenant)
    {
        this.tenant = tenant;
        tables = TableSchemas.TableNames.ToDictionary(n => n, n => new StoredTable(n, TableSchemas.Columns(n), pool), StringComparer.Ordinal);
    }

    public void Add(SignIn signIn)
    {
        pending.Add(signIn);
        if (pending.Count == ChunkSize)
        {
            Flush();
        }
    }

    /// <summary>
    /// Renders the pending sign-ins' cells in parallel (rendering the JSON cells is most of the cost; each worker has
    /// its own <see cref="LogAnalyticsCells"/>, which is not thread-safe), then stores the rows in order.
    /// </summary>
    private void Flush()
    {
        var rows = new string?[pending.Count][];
        var partitions = System.Collections.Concurrent.Partitioner.Create(0, pending.Count, 256);
        System.Threading.Tasks.Parallel.ForEach(partitions, () => new Renderer(tenant, tables), (range, _, renderer) =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                rows[i] = renderer.Render(pending[i]);
            }

            return renderer;
        }, _ => { });
        for (int i = 0; i < rows.Length; i++)
        {
            tables[pending[i].IsInteractive ? TableSchemas.SigninLogs : TableSchemas.NonInteractive].Add(rows[i]);
        }

        pending.Clear();
    }

    public LogAnalyticsWorkspace Build()
    {
        Flush();
        foreach (var table in tables.Values)
        {
            table.TrimExcess();
        }

        pool.Freeze();
        return new LogAnalyticsWorkspace(tables.Values.ToArray());
    }

    /// <summary>One worker's renderer: a sign-in's cells as text, typed later by the table's columns.</summary>
    private sealed class Renderer
    {
        private readonly LogAnalyticsCells cells;
        private readonly (string Name, Func<SignIn, Cell> Value, bool Dynamic)[] interactive;
        private readonly (string Name, Func<SignIn, Cell> Value, bool Dynamic)[] nonInteractive;
        private readonly IReadOnlyList<KqlColumn> interactiveTypes;
        private readonly IReadOnlyList<KqlColumn> nonInteractiveTypes;

        public Renderer(Tenant tenant, Dictionary<string, StoredTable> tables)
        {
            cells = new LogAnalyticsCells(tenant);
            interactive = cells.For(LogAnalyticsTable.SigninLogs).ToArray();
            nonInteractive = cells.For(LogAnalyticsTable.NonInteractive).ToArray();
            interactiveTypes = tables[TableSchemas.SigninLogs].Columns;
            nonInteractiveTypes = tables[TableSchemas.NonInteractive].Columns;
        }

        public string?[] Render(SignIn signIn)
        {
            var columns = signIn.IsInteractive ? interactive : nonInteractive;
            var types = signIn.IsInteractive ? interactiveTypes : nonInteractiveTypes;
            var row = new string?[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                var cell = columns[i].Value(signIn);
                row[i] = cell.Kind switch
                {
                    CellKind.Text => cell.Text,
                    CellKind.Number => cell.Number.ToString(CultureInfo.InvariantCulture),
                    CellKind.Boolean => cell.Flag ? "true" : "false",
                    // Dynamic cells compact (parsed when read); string columns hold JSON text as exported rows show it.
                    CellKind.Json => cells.JsonText(cell.Json!, indented: types[i].Type != KqlType.Dynamic),
                    _ => null,
                };
            }

            return row;
        }
    }
}
