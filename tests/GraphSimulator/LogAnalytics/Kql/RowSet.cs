using System;
using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// A tabular value: columns and rows read by position. Operators mostly return views over their input (an index list,
/// added columns) so a where or a project over a stored table copies no cells.
/// </summary>
internal abstract class RowSet
{
    protected RowSet(IReadOnlyList<KqlColumn> columns) => Columns = columns;

    public IReadOnlyList<KqlColumn> Columns { get; }

    public abstract int Count { get; }

    public abstract object? Get(int row, int column);

    /// <summary>The column's position, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Rows held as arrays (what summarize, union and join build).</summary>
internal sealed class MaterializedRows : RowSet
{
    private readonly IReadOnlyList<object?[]> rows;

    public MaterializedRows(IReadOnlyList<KqlColumn> columns, IReadOnlyList<object?[]> rows)
        : base(columns) => this.rows = rows;

    public override int Count => rows.Count;

    public override object? Get(int row, int column) => rows[row][column];
}

/// <summary>A subset or reordering of another row set's rows (where, sort, take).</summary>
internal sealed class IndexView : RowSet
{
    private readonly RowSet source;
    private readonly int[] rows;

    public IndexView(RowSet source, int[] rows)
        : base(source.Columns)
    {
        // A view of a view reads the underlying rows directly.
        if (source is IndexView inner)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = inner.rows[rows[i]];
            }

            source = inner.source;
        }

        this.source = source;
        this.rows = rows;
    }

    public override int Count => rows.Length;

    public override object? Get(int row, int column) => source.Get(rows[row], column);
}

/// <summary>Columns picked from a source by position, or computed (one value per row) — extend, project, project-away.</summary>
internal sealed class ColumnsView : RowSet
{
    private readonly RowSet source;
    private readonly (int SourceColumn, object?[]? Values)[] map;

    public ColumnsView(RowSet source, IReadOnlyList<KqlColumn> columns, (int SourceColumn, object?[]? Values)[] map)
        : base(columns)
    {
        this.source = source;
        this.map = map;
    }

    public override int Count => source.Count;

    public override object? Get(int row, int column)
    {
        var (sourceColumn, values) = map[column];
        return values is null ? source.Get(row, sourceColumn) : values[row];
    }
}

/// <summary>Legs one after another with their columns mapped onto the union's (outer union: -1 for a column a leg lacks).</summary>
internal sealed class ConcatView : RowSet
{
    private readonly (RowSet Rows, int[] Map, string? Source)[] legs;
    private readonly int[] starts;
    private readonly bool withSource;

    public ConcatView(IReadOnlyList<KqlColumn> columns, (RowSet Rows, int[] Map, string? Source)[] legs, bool withSource)
        : base(columns)
    {
        this.legs = legs;
        this.withSource = withSource;
        starts = new int[legs.Length + 1];
        for (int i = 0; i < legs.Length; i++)
        {
            starts[i + 1] = starts[i] + legs[i].Rows.Count;
        }
    }

    public override int Count => starts[^1];

    public override object? Get(int row, int column)
    {
        int leg = Array.BinarySearch(starts, row);
        leg = leg >= 0 ? leg : ~leg - 1;
        while (legs[leg].Rows.Count == 0 || row >= starts[leg + 1])
        {
            leg++;
        }

        if (withSource && column == 0)
        {
            return legs[leg].Source;
        }

        int mapped = legs[leg].Map[column];
        if (mapped < 0)
        {
            // A leg without the column: null, which for a string column is "" (Kusto strings are never null).
            return Columns[column].Type == KqlType.String ? "" : null;
        }

        return legs[leg].Rows.Get(row - starts[leg], mapped);
    }
}
