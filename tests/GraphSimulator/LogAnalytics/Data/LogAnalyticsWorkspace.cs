using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>The sign-in tables of the simulated workspace, built from the same generated tenant the Graph side serves.</summary>
public sealed class LogAnalyticsWorkspace : IKqlTables
{
    private readonly Dictionary<string, KqlTable> tables;

    internal LogAnalyticsWorkspace(IReadOnlyList<KqlTable> tables) =>
        this.tables = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The tables by name (SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs).</summary>
    public IReadOnlyDictionary<string, KqlTable> Tables => tables;

    /// <summary>Rows in every table together (0: the query API answers 204).</summary>
    public long TotalRows => tables.Values.Sum(t => (long)t.Count);

    public bool TryGetTable(string name, out KqlTable table) => tables.TryGetValue(name, out table!);

    /// <summary>
    /// The workspace as a query sees it with tables missing (a diagnostic-setting category not sent) and columns dropped
    /// (an older schema); names resolve case-sensitively, as in Kusto.
    /// </summary>
    public IKqlTables View(IReadOnlyCollection<string> missingTables, IReadOnlyCollection<string> droppedColumns) =>
        missingTables.Count == 0 && droppedColumns.Count == 0 ? this : new Restricted(this, missingTables, droppedColumns);

    private sealed class Restricted(LogAnalyticsWorkspace workspace, IReadOnlyCollection<string> missing, IReadOnlyCollection<string> dropped) : IKqlTables
    {
        private readonly Dictionary<string, KqlTable> views = new(StringComparer.Ordinal);

        public bool TryGetTable(string name, out KqlTable table)
        {
            table = null!;
            if (missing.Contains(name) || !workspace.TryGetTable(name, out var full))
            {
                return false;
            }

            lock (views)
            {
                if (!views.TryGetValue(name, out table!))
                {
                    views[name] = table = new WithoutColumns(full, dropped);
                }
            }

            return true;
        }
    }

    private sealed class WithoutColumns : KqlTable
    {
        private readonly RowSet rows;

        public WithoutColumns(KqlTable table, IReadOnlyCollection<string> dropped)
        {
            Name = table.Name;
            var source = table.Rows;
            var keep = Enumerable.Range(0, source.Columns.Count).Where(i => !dropped.Contains(source.Columns[i].Name)).ToArray();
            rows = new ColumnsView(source, keep.Select(i => source.Columns[i]).ToArray(), keep.Select(i => (i, (object?[]?)null)).ToArray());
        }

        public override string Name { get; }

        internal override RowSet Rows => rows;
    }
}
