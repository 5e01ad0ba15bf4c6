using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The tables a query can name (the workspace).</summary>
public interface IKqlTables
{
    /// <summary>The table, or false when the workspace has no such table.</summary>
    bool TryGetTable(string name, out KqlTable table);
}

/// <summary>A named table of a workspace.</summary>
public abstract class KqlTable
{
    internal abstract RowSet Rows { get; }

    public abstract string Name { get; }

    public IReadOnlyList<KqlColumn> Columns => Rows.Columns;

    public int Count => Rows.Count;
}

/// <summary>A query's answer: columns, and rows as CLR values (see <see cref="KqlValues"/> for the value kinds).</summary>
public sealed class KqlResult
{
    private readonly RowSet rows;

    internal KqlResult(RowSet rows, long scanned)
    {
        this.rows = rows;
        RowsScanned = scanned;
    }

    public IReadOnlyList<KqlColumn> Columns => rows.Columns;

    public int Count => rows.Count;

    /// <summary>Rows of the stored tables the query read (the cost model of the simulated query time).</summary>
    public long RowsScanned { get; }

    /// <summary>A cell: string, long, double, bool, DateTime, TimeSpan, System.Text.Json.Nodes.JsonNode (dynamic) or null.</summary>
    public object? this[int row, int column] => rows.Get(row, column);

    /// <summary>A cell by column name.</summary>
    public object? this[int row, string column] => rows.Get(row, rows.IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException("No column " + column, nameof(column)));
}

/// <summary>Runs a parsed query against a workspace: the tabular sources here, each operator in <see cref="TabularOperators"/>.</summary>
public static class KqlEvaluator
{
    /// <summary>Parses and runs <paramref name="text"/>; <see cref="KqlException"/> for anything outside the subset or unresolved.</summary>
    public static KqlResult Run(string text, IKqlTables tables, DateTime now) => Run(text, tables, now, null);

    /// <summary>As <see cref="Run(string, IKqlTables, DateTime)"/>, each stored table passed through <paramref name="tableFilter"/> first.</summary>
    internal static KqlResult Run(string text, IKqlTables tables, DateTime now, Func<string, RowSetFilter?>? tableFilter)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var query = KqlParser.Parse(text);
        var run = new Execution(tables, new QueryContext(query.Lets, now), tableFilter);
        var rows = run.Tabular(query.Body);
        return new KqlResult(rows, run.Scanned);
    }

    internal sealed class Execution
    {
        private readonly IKqlTables tables;
        private readonly Func<string, RowSetFilter?>? tableFilter;

        public Execution(IKqlTables tables, QueryContext context, Func<string, RowSetFilter?>? tableFilter)
        {
            this.tables = tables;
            this.tableFilter = tableFilter;
            Context = context;
        }

        public QueryContext Context { get; }

        public long Scanned { get; private set; }

        public RowSet Tabular(TabularExpr expr)
        {
            string firstOperator = expr.Operators.Count > 0 ? expr.Operators[0].Name : "table";
            var rows = expr.Source switch
            {
                TableSource table => Table(table.Name, firstOperator),
                SubquerySource sub => Tabular(sub.Query),
                UnionSource union => Union(union),
                _ => throw KqlException.Unsupported(expr.Source.GetType().Name),
            };
            return TabularOperators.Apply(rows, expr.Operators, this);
        }

        private RowSet Table(string name, string operatorName)
        {
            if (!tables.TryGetTable(name, out var table))
            {
                throw KqlException.MissingTable(operatorName, name);
            }

            var rows = table.Rows;
            Scanned += rows.Count;
            return tableFilter?.Invoke(name) is { } filter ? filter(rows) : rows;
        }

        private RowSet Union(UnionSource union)
        {
            var legs = new List<(RowSet Rows, string Source)>();
            for (int i = 0; i < union.Legs.Count; i++)
            {
                var leg = union.Legs[i];
                try
                {
                    var rows = leg is { Source: TableSource t, Operators.Count: 0 } ? Table(t.Name, "union") : Tabular(leg);
                    legs.Add((rows, SourceName(leg, i)));
                }
                catch (KqlException e) when (union.IsFuzzy && e.IsMissingTable)
                {
                    // isfuzzy=true: a leg naming a missing table is left out (an error only when none resolves); a
                    // missing column stays an error, so a wrong column in one leg cannot silently drop its rows.
                }
            }

            if (legs.Count == 0)
            {
                var first = union.Legs[0].Source as TableSource;
                throw KqlException.MissingTable("union", first?.Name ?? "union");
            }

            return UnionRows.Combine(legs, union.WithSource);
        }

        private static string SourceName(TabularExpr leg, int index) => leg.Source switch
        {
            TableSource t => t.Name,
            SubquerySource s => SourceName(s.Query, index),
            _ => "union_arg" + index,
        };
    }
}

/// <summary>A restriction applied to a stored table as the query reads it (the body's timespan).</summary>
internal delegate RowSet RowSetFilter(RowSet rows);
