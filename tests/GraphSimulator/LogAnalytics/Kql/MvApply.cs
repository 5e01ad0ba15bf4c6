using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// mv-apply Name = &lt;dynamic array&gt; on (subquery): per input row, the subquery runs over the array's elements (one row
/// each, column Name of type dynamic); its output rows are appended to the input row's other columns.
/// </summary>
internal static class MvApply
{
    public static RowSet Apply(RowSet rows, MvApplyOp apply, KqlEvaluator.Execution run)
    {
        var array = new ScalarBinder(rows.Columns, run.Context, "mv-apply").Bind(apply.Array).Eval;
        var inner = rows.Columns.Where(c => c.Name != apply.Column).Append(new KqlColumn(apply.Column, KqlType.Dynamic)).ToArray();
        int[] kept = Enumerable.Range(0, rows.Columns.Count).Where(i => rows.Columns[i].Name != apply.Column).ToArray();
        List<KqlColumn>? columns = null;
        var output = new List<object?[]>();
        for (int row = 0; row < rows.Count; row++)
        {
            object?[] outer = kept.Select(i => rows.Get(row, i)).ToArray();
            var elements = KqlValues.ToDynamic(array(rows, row)) is JsonArray a ? a.ToArray() : Array.Empty<JsonNode?>();
            var expanded = new MaterializedRows(inner, elements.Select(e => outer.Append(e).ToArray()).ToArray());
            var result = TabularOperators.Apply(expanded, apply.Body, run);
            var added = Enumerable.Range(0, result.Columns.Count).Where(i => !kept.Any(k => rows.Columns[k].Name == result.Columns[i].Name)).ToArray();
            columns ??= kept.Select(i => rows.Columns[i]).Concat(added.Select(i => result.Columns[i])).ToList();
            for (int r = 0; r < result.Count; r++)
            {
                // The subquery's own values for the outer columns win (it may have changed them with extend).
                var values = kept.Select(k => result.IndexOf(rows.Columns[k].Name) is var at and >= 0 ? result.Get(r, at) : rows.Get(row, k));
                output.Add(values.Concat(added.Select(i => result.Get(r, i))).ToArray());
            }
        }

        if (columns is null)
        {
            // No input rows: the subquery over no elements still says which columns it adds.
            var empty = TabularOperators.Apply(new MaterializedRows(inner, new List<object?[]>()), apply.Body, run);
            columns = kept.Select(i => rows.Columns[i]).Concat(empty.Columns.Where(c => !kept.Any(k => rows.Columns[k].Name == c.Name))).ToList();
        }

        return new MaterializedRows(columns, output);
    }
}
