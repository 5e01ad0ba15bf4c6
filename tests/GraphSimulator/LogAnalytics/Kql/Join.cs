using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// join kind=innerunique (default: left rows de-duplicated on the key) | inner | leftouter | leftsemi | leftanti on
/// equal keys. Output: left columns, then the right's (a name the left has gets a 1 appended), for the kinds that keep them.
/// </summary>
internal static class Join
{
    public static RowSet Apply(RowSet left, JoinOp join, KqlEvaluator.Execution run)
    {
        var right = run.Tabular(join.Right);
        int[] leftKeys = join.Keys.Select(k => Index(left, k.Left)).ToArray();
        int[] rightKeys = join.Keys.Select(k => Index(right, k.Right)).ToArray();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int r = 0; r < right.Count; r++)
        {
            if (Key(right, r, rightKeys) is { } key)
            {
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = new List<int>();
                }

                list.Add(r);
            }
        }

        bool keepRight = join.Kind is "inner" or "innerunique" or "leftouter";
        var columns = left.Columns.ToList();
        if (keepRight)
        {
            columns.AddRange(right.Columns);
            Summarize.Deduplicate(columns);
        }

        var output = new List<object?[]>();
        var seenLeft = new HashSet<string>(StringComparer.Ordinal);
        for (int l = 0; l < left.Count; l++)
        {
            string? key = Key(left, l, leftKeys);
            var matches = key is not null && byKey.TryGetValue(key, out var m) ? m : null;
            switch (join.Kind)
            {
                case "leftsemi" when matches is not null:
                case "leftanti" when matches is null:
                    output.Add(Row(left, l));
                    break;
                case "innerunique" when key is null || !seenLeft.Add(key):
                    break;
                case "inner" or "innerunique" or "leftouter" when matches is not null:
                    output.AddRange(matches.Select(r => Row(left, l).Concat(Row(right, r)).ToArray()));
                    break;
                case "leftouter":
                    output.Add(Row(left, l).Concat(right.Columns.Select(c => c.Type == KqlType.String ? "" : (object?)null)).ToArray());
                    break;
            }
        }

        return new MaterializedRows(columns, output);
    }

    private static int Index(RowSet rows, string name) =>
        rows.IndexOf(name) is var i and >= 0 ? i : throw KqlException.Unresolved("join", name);

    private static object?[] Row(RowSet rows, int row) => Enumerable.Range(0, rows.Columns.Count).Select(c => rows.Get(row, c)).ToArray();

    /// <summary>The join key as text; null when a key value is null (null never equals anything).</summary>
    private static string? Key(RowSet rows, int row, int[] columns)
    {
        var text = new StringBuilder();
        foreach (int c in columns)
        {
            object? value = KqlValues.Unwrap(rows.Get(row, c));
            if (value is null)
            {
                return null;
            }

            text.Append(KqlValues.ToText(value)).Append('\u0000');
        }

        return text.ToString();
    }
}
