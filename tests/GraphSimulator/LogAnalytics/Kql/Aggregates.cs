using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>One aggregate's running state for one group.</summary>
internal abstract class Aggregator
{
    public abstract void Add(RowSet rows, int row);

    public abstract object?[] Result();
}

/// <summary>
/// An aggregate call of summarize bound to its input: the output columns it makes (default names as Kusto: count_,
/// min_X …) and a factory of per-group state.
/// </summary>
internal sealed record AggregateSpec(IReadOnlyList<KqlColumn> Columns, Func<Aggregator> Create)
{
    public static AggregateSpec Bind(Assignment assignment, ScalarBinder binder, IReadOnlyCollection<string> keyNames)
    {
        if (assignment.Value is not CallExpr call)
        {
            throw KqlException.Semantic("summarize needs an aggregation function such as count() or max(x).");
        }

        string fn = call.Name == "take_any" ? "any" : call.Name;
        string DefaultName(string prefix) =>
            assignment.Name ?? prefix + "_" + (call.Args.Count > 0 ? ScalarBinder.ImplicitName(call.Args[0]) ?? "" : "");
        Bound Arg(int i) => i < call.Args.Count ? binder.Bind(call.Args[i]) : throw KqlException.Semantic($"{call.Name}() needs {i + 1} arguments.");
        long MaxSize() => call.Args.Count > 1 ? KqlConvert.ToLong(binder.Bind(call.Args[1]).Eval(null!, 0)) ?? 1048576 : 1048576;

        switch (fn)
        {
            case "count":
                return new(new[] { new KqlColumn(assignment.Name ?? "count_", KqlType.Long) }, () => new Counter(null));
            case "countif":
            {
                var predicate = Arg(0).Eval;
                return new(new[] { new KqlColumn(assignment.Name ?? "countif_", KqlType.Long) }, () => new Counter(predicate));
            }

            case "dcount":
            {
                var value = Arg(0).Eval;
                return new(new[] { new KqlColumn(DefaultName("dcount"), KqlType.Long) }, () => new Distinct(value));
            }

            case "min" or "max":
            {
                var value = Arg(0);
                return new(new[] { new KqlColumn(DefaultName(fn), value.Type) }, () => new Extreme(value.Eval, fn == "max"));
            }

            case "sum":
            {
                var value = Arg(0);
                var type = value.Type is KqlType.Long or KqlType.Int ? KqlType.Long : value.Type == KqlType.TimeSpan ? KqlType.TimeSpan : KqlType.Real;
                return new(new[] { new KqlColumn(DefaultName("sum"), type) }, () => new Sum(value.Eval));
            }

            case "avg":
            {
                var value = Arg(0).Eval;
                return new(new[] { new KqlColumn(DefaultName("avg"), KqlType.Real) }, () => new Average(value));
            }

            case "any":
            {
                var value = Arg(0);
                return new(new[] { new KqlColumn(DefaultName("any"), value.Type) }, () => new First(value.Eval));
            }

            case "make_set" or "make_list":
            {
                var value = Arg(0).Eval;
                long max = MaxSize();
                bool set = fn == "make_set";
                return new(new[] { new KqlColumn(DefaultName(fn), KqlType.Dynamic) }, () => new Collect(value, max, set));
            }

            case "arg_max" or "arg_min":
                return ArgExtreme(call, binder, keyNames, fn == "arg_max");
            default:
                throw KqlException.Unsupported(call.Name + "() in summarize");
        }
    }

    /// <summary>arg_max(x, *): x, then every other column (keys excluded); or x and the named columns.</summary>
    private static AggregateSpec ArgExtreme(CallExpr call, ScalarBinder binder, IReadOnlyCollection<string> keyNames, bool max)
    {
        var by = binder.Bind(call.Args[0]);
        var outputs = new List<(KqlColumn Column, RowFunc Eval)>
        {
            (new KqlColumn(ScalarBinder.ImplicitName(call.Args[0]) ?? "max", by.Type), by.Eval),
        };
        foreach (var arg in call.Args.Skip(1))
        {
            if (arg is StarExpr)
            {
                for (int i = 0; i < binder.Columns.Count; i++)
                {
                    var column = binder.Columns[i];
                    if (!keyNames.Contains(column.Name) && outputs.All(o => o.Column.Name != column.Name))
                    {
                        int index = i;
                        outputs.Add((column, (rows, row) => rows.Get(row, index)));
                    }
                }
            }
            else
            {
                var bound = binder.Bind(arg);
                outputs.Add((new KqlColumn(ScalarBinder.ImplicitName(arg) ?? "Column" + outputs.Count, bound.Type), bound.Eval));
            }
        }

        var evals = outputs.Select(o => o.Eval).ToArray();
        return new AggregateSpec(outputs.Select(o => o.Column).ToArray(), () => new ArgExtremeState(by.Eval, evals, max));
    }

    private sealed class Counter(RowFunc? predicate) : Aggregator
    {
        private long count;

        public override void Add(RowSet rows, int row) => count += predicate is null || KqlValues.IsTrue(predicate(rows, row)) ? 1 : 0;

        public override object?[] Result() => new object?[] { count };
    }

    private sealed class Distinct(RowFunc value) : Aggregator
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public override void Add(RowSet rows, int row)
        {
            if (value(rows, row) is { } v)
            {
                seen.Add(KqlValues.ToText(v));
            }
        }

        public override object?[] Result() => new object?[] { (long)seen.Count };
    }

    private sealed class Extreme(RowFunc value, bool max) : Aggregator
    {
        private object? best;

        public override void Add(RowSet rows, int row)
        {
            object? v = KqlValues.Unwrap(value(rows, row));
            if (v is not null && (best is null || KqlValues.Compare(v, best) is { } c && (max ? c > 0 : c < 0)))
            {
                best = v;
            }
        }

        public override object?[] Result() => new[] { best };
    }

    private sealed class Sum(RowFunc value) : Aggregator
    {
        private object? total;

        public override void Add(RowSet rows, int row)
        {
            object? v = KqlValues.Unwrap(value(rows, row));
            total = (total, v) switch
            {
                (_, null) => total,
                (null, _) => v,
                (long a, long b) => a + b,
                (TimeSpan a, TimeSpan b) => a + b,
                _ when KqlValues.IsNumber(total) && KqlValues.IsNumber(v) => KqlValues.ToDouble(total!) + KqlValues.ToDouble(v!),
                _ => total,
            };
        }

        public override object?[] Result() => new[] { total };
    }

    private sealed class Average(RowFunc value) : Aggregator
    {
        private double total;
        private long count;

        public override void Add(RowSet rows, int row)
        {
            if (KqlConvert.ToDouble(value(rows, row)) is { } d)
            {
                total += d;
                count++;
            }
        }

        public override object?[] Result() => new object?[] { count == 0 ? null : total / count };
    }

    private sealed class First(RowFunc value) : Aggregator
    {
        private object? first;
        private bool has;

        public override void Add(RowSet rows, int row)
        {
            if (!has)
            {
                first = value(rows, row);
                has = first is not null;
            }
        }

        public override object?[] Result() => new[] { first };
    }

    private sealed class Collect(RowFunc value, long max, bool set) : Aggregator
    {
        private readonly JsonArray items = new();
        private readonly HashSet<string>? seen = set ? new(StringComparer.Ordinal) : null;

        public override void Add(RowSet rows, int row)
        {
            object? v = value(rows, row);
            if (v is null || items.Count >= max || (seen is not null && !seen.Add(KqlValues.ToText(v))))
            {
                return;
            }

            items.Add(KqlValues.ToJson(v));
        }

        public override object?[] Result() => new object?[] { items };
    }

    private sealed class ArgExtremeState(RowFunc by, RowFunc[] outputs, bool max) : Aggregator
    {
        private object? best;
        private object?[]? values;

        public override void Add(RowSet rows, int row)
        {
            object? v = KqlValues.Unwrap(by(rows, row));
            if (values is null || (v is not null && (best is null || KqlValues.Compare(v, best) is { } c && (max ? c > 0 : c < 0))))
            {
                best = v;
                values = outputs.Select(o => o(rows, row)).ToArray();
            }
        }

        public override object?[] Result() => values ?? new object?[outputs.Length];
    }
}
