using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// Outer union by column name. A name whose type differs between legs becomes one column per type, suffixed
/// _&lt;type&gt; (ConditionalAccessPolicies_dynamic, ConditionalAccessPolicies_string), as Kusto does.
/// </summary>
internal static class UnionRows
{
    public static RowSet Combine(IReadOnlyList<(RowSet Rows, string Source)> legs, string? withSource)
    {
        var typesByName = new Dictionary<string, List<KqlType>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (rows, _) in legs)
        {
            foreach (var column in rows.Columns)
            {
                if (!typesByName.TryGetValue(column.Name, out var types))
                {
                    typesByName[column.Name] = types = new List<KqlType>();
                    order.Add(column.Name);
                }

                if (!types.Contains(column.Type))
                {
                    types.Add(column.Type);
                }
            }
        }

        var columns = new List<KqlColumn>();
        if (withSource is not null)
        {
            columns.Add(new KqlColumn(withSource, KqlType.String));
        }

        foreach (string name in order)
        {
            var types = typesByName[name];
            columns.AddRange(types.Count == 1
                ? new[] { new KqlColumn(name, types[0]) }
                : types.Select(t => new KqlColumn(name + "_" + KqlTypes.Name(t), t)));
        }

        var mapped = legs.Select(leg =>
        {
            var map = new int[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                map[c] = -1;
            }

            for (int i = 0; i < leg.Rows.Columns.Count; i++)
            {
                var column = leg.Rows.Columns[i];
                string name = typesByName[column.Name].Count == 1 ? column.Name : column.Name + "_" + KqlTypes.Name(column.Type);
                int at = columns.FindIndex(withSource is null ? 0 : 1, c => c.Name == name);
                map[at] = i;
            }

            return (leg.Rows, map, (string?)leg.Source);
        }).ToArray();
        return new ConcatView(columns, mapped, withSource is not null);
    }
}
