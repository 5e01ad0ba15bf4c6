using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The row-shaping operators: where, extend, project, project-away, sort, take, top, serialize, count, getschema.</summary>
internal static class TabularOperators
{
    public static RowSet Apply(RowSet rows, IReadOnlyList<QueryOperator> operators, KqlEvaluator.Execution run)
    {
        foreach (var op in operators)
        {
            rows = op switch
            {
                WhereOp where => Where(rows, where, run.Context),
                ExtendOp extend => Extend(rows, extend.Columns, run.Context),
                ProjectOp project => Project(rows, project.Columns, run.Context),
                ProjectAwayOp away => ProjectAway(rows, away),
                SortOp sort => Sort(rows, sort.Keys, run.Context, "sort"),
                TakeOp take => Take(rows, take.Count),
                TopOp top => Take(Sort(rows, new[] { top.Key }, run.Context, "top"), top.Count),
                SerializeOp => rows,
                CountOp => new MaterializedRows(new[] { new KqlColumn("Count", KqlType.Long) }, new[] { new object?[] { (long)rows.Count } }),
                GetSchemaOp => Schema(rows),
                SummarizeOp summarize => Summarize.Apply(rows, summarize.Aggregates, summarize.By, run.Context, "summarize"),
                DistinctOp distinct => Summarize.Apply(rows, Array.Empty<Assignment>(), distinct.Columns, run.Context, "distinct"),
                MvApplyOp apply => MvApply.Apply(rows, apply, run),
                JoinOp join => Join.Apply(rows, join, run),
                _ => throw KqlException.Unsupported(op.Name),
            };
        }

        return rows;
    }

    private static IndexView Where(RowSet rows, WhereOp where, QueryContext context)
    {
        var predicate = new ScalarBinder(rows.Columns, context, "where").Bind(where.Predicate).Eval;
        var kept = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (KqlValues.IsTrue(predicate(rows, i)))
            {
                kept.Add(i);
            }
        }

        return new IndexView(rows, kept.ToArray());
    }

    /// <summary>extend: new columns at the end; a name that exists is replaced in place. Evaluated eagerly, in row order.</summary>
    public static RowSet Extend(RowSet rows, IReadOnlyList<Assignment> assignments, QueryContext context)
    {
        var columns = rows.Columns.ToList();
        var map = Enumerable.Range(0, columns.Count).Select(i => (i, (object?[]?)null)).ToList();
        foreach (var assignment in assignments)
        {
            // Each assignment sees the columns of the ones before it (extend a = 1, b = a + 1).
            var current = new ColumnsView(rows, columns.ToArray(), map.ToArray());
            var bound = new ScalarBinder(columns, context, "extend").Bind(assignment.Value);
            var values = Evaluate(current, bound.Eval);
            string name = assignment.Name ?? ScalarBinder.ImplicitName(assignment.Value) ?? "Column" + (columns.Count + 1);
            int existing = columns.FindIndex(c => c.Name == name);
            if (existing >= 0)
            {
                columns[existing] = new KqlColumn(name, bound.Type);
                map[existing] = (-1, values);
            }
            else
            {
                columns.Add(new KqlColumn(name, bound.Type));
                map.Add((-1, values));
            }
        }

        return new ColumnsView(rows, columns, map.ToArray());
    }

    private static ColumnsView Project(RowSet rows, IReadOnlyList<Assignment> assignments, QueryContext context)
    {
        var binder = new ScalarBinder(rows.Columns, context, "project");
        var columns = new List<KqlColumn>();
        var map = new List<(int, object?[]?)>();
        int unnamed = 0;
        foreach (var assignment in assignments)
        {
            if (assignment is { Name: null, Value: NameExpr plain })
            {
                int index = binder.ColumnIndex(plain.Name);
                if (index < 0)
                {
                    throw KqlException.Unresolved("project", plain.Name);
                }

                columns.Add(rows.Columns[index]);
                map.Add((index, null));
                continue;
            }

            var bound = binder.Bind(assignment.Value);
            columns.Add(new KqlColumn(assignment.Name ?? ScalarBinder.ImplicitName(assignment.Value) ?? "Column" + (++unnamed), bound.Type));
            map.Add((-1, Evaluate(rows, bound.Eval)));
        }

        return new ColumnsView(rows, columns, map.ToArray());
    }

    private static ColumnsView ProjectAway(RowSet rows, ProjectAwayOp away)
    {
        foreach (string name in away.Columns)
        {
            if (rows.IndexOf(name) < 0)
            {
                throw KqlException.Unresolved("project-away", name);
            }
        }

        var keep = Enumerable.Range(0, rows.Columns.Count).Where(i => !away.Columns.Contains(rows.Columns[i].Name)).ToArray();
        return new ColumnsView(rows, keep.Select(i => rows.Columns[i]).ToArray(), keep.Select(i => (i, (object?[]?)null)).ToArray());
    }

    /// <summary>sort: default descending; nulls last when descending and first when ascending (Kusto's defaults).</summary>
    public static RowSet Sort(RowSet rows, IReadOnlyList<SortKey> keys, QueryContext context, string operatorName)
    {
        var binder = new ScalarBinder(rows.Columns, context, operatorName);
        var values = keys.Select(k => Evaluate(rows, binder.Bind(k.Value).Eval)).ToArray();
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var comparison = Comparer<int>.Create((a, b) =>
        {
            for (int k = 0; k < keys.Count; k++)
            {
                object? x = KqlValues.Unwrap(values[k][a]), y = KqlValues.Unwrap(values[k][b]);
                bool nullsFirst = keys[k].NullsFirst ?? !keys[k].Descending;
                int c = (x, y) switch
                {
                    (null, null) => 0,
                    (null, _) => nullsFirst ? -1 : 1,
                    (_, null) => nullsFirst ? 1 : -1,
                    _ => (KqlValues.Compare(x, y) ?? 0) * (keys[k].Descending ? -1 : 1),
                };
                if (c != 0)
                {
                    return c;
                }
            }

            return a.CompareTo(b);
        });
        Array.Sort(order, comparison);
        return new IndexView(rows, order);
    }

    private static RowSet Take(RowSet rows, long count) =>
        count >= rows.Count ? rows : new IndexView(rows, Enumerable.Range(0, (int)Math.Max(0, count)).ToArray());

    private static MaterializedRows Schema(RowSet rows)
    {
        var columns = new[]
        {
            new KqlColumn("ColumnName", KqlType.String), new KqlColumn("ColumnOrdinal", KqlType.Int),
            new KqlColumn("DataType", KqlType.String), new KqlColumn("ColumnType", KqlType.String),
        };
        return new MaterializedRows(columns, rows.Columns.Select((c, i) => new object?[] { c.Name, (long)i, KqlTypes.ClrName(c.Type), KqlTypes.Name(c.Type) }).ToArray());
    }

    public static object?[] Evaluate(RowSet rows, RowFunc eval)
    {
        var values = new object?[rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = eval(rows, i);
        }

        return values;
    }
}
