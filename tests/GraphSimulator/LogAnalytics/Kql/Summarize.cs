using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>summarize (and distinct): groups by the by-expressions, keys first then aggregates; one row without by even for no input.</summary>
internal static class Summarize
{
    public static RowSet Apply(RowSet rows, IReadOnlyList<Assignment> aggregates, IReadOnlyList<Assignment> by, QueryContext context, string operatorName)
    {
        var binder = new ScalarBinder(rows.Columns, context, operatorName);
        var keys = by.Select((k, i) =>
        {
            var bound = binder.Bind(k.Value);
            return (Column: new KqlColumn(k.Name ?? ScalarBinder.ImplicitName(k.Value) ?? "Column" + (i + 1), bound.Type), bound.Eval);
        }).ToArray();
        var keyNames = keys.Select(k => k.Column.Name).ToHashSet(StringComparer.Ordinal);
        var specs = aggregates.Select(a => AggregateSpec.Bind(a, binder, keyNames)).ToArray();

        var groups = new Dictionary<string, (object?[] Key, Aggregator[] States)>(StringComparer.Ordinal);
        var order = new List<string>();
        var text = new StringBuilder();
        for (int row = 0; row < rows.Count; row++)
        {
            var keyValues = new object?[keys.Length];
            text.Clear();
            for (int k = 0; k < keys.Length; k++)
            {
                keyValues[k] = keys[k].Eval(rows, row);
                AppendKey(text, keyValues[k]);
            }

            string groupKey = text.ToString();
            if (!groups.TryGetValue(groupKey, out var group))
            {
                group = (keyValues, specs.Select(s => s.Create()).ToArray());
                groups[groupKey] = group;
                order.Add(groupKey);
            }

            foreach (var state in group.States)
            {
                state.Add(rows, row);
            }
        }

        if (keys.Length == 0 && groups.Count == 0)
        {
            groups[""] = (Array.Empty<object?>(), specs.Select(s => s.Create()).ToArray());
            order.Add("");
        }

        var columns = keys.Select(k => k.Column).Concat(specs.SelectMany(s => s.Columns)).ToList();
        Deduplicate(columns);
        var output = order.Select(k =>
        {
            var (key, states) = groups[k];
            return key.Concat(states.SelectMany(s => s.Result())).ToArray();
        }).ToArray();
        return new MaterializedRows(columns, output);
    }

    /// <summary>Two output columns with one name: Kusto appends 1, 2 … to the later ones.</summary>
    internal static void Deduplicate(List<KqlColumn> columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            string name = columns[i].Name;
            for (int n = 1; !seen.Add(name); n++)
            {
                name = columns[i].Name + n;
            }

            columns[i] = columns[i] with { Name = name };
        }
    }

    private static void AppendKey(StringBuilder text, object? value)
    {
        value = KqlValues.Unwrap(value);
        text.Append(value switch
        {
            null => 'N',
            string => 'S',
            long => 'L',
            double => 'D',
            bool => 'B',
            DateTime => 'T',
            TimeSpan => 'P',
            _ => 'J',
        });
        text.Append(KqlValues.ToText(value)).Append('\u0000');
    }
}
