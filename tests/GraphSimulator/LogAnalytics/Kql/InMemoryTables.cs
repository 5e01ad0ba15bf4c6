using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>Tables given as rows of CLR values (see <see cref="KqlResult"/> for the value kinds): for evaluator tests.</summary>
public sealed class InMemoryTables : IKqlTables
{
    private readonly Dictionary<string, KqlTable> tables = new(StringComparer.Ordinal);

    /// <summary>Adds a table; a string column's null cell is stored as "" (Kusto string columns are never null).</summary>
    public InMemoryTables Add(string name, IReadOnlyList<KqlColumn> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var stored = rows.Select(r => r.Select((v, i) => columns[i].Type == KqlType.String ? v ?? "" : v).ToArray()).ToArray();
        tables[name] = new Table(name, new MaterializedRows(columns, stored));
        return this;
    }

    public bool TryGetTable(string name, out KqlTable table) => tables.TryGetValue(name, out table!);

    private sealed class Table(string name, RowSet rows) : KqlTable
    {
        public override string Name => name;

        internal override RowSet Rows => rows;
    }
}
