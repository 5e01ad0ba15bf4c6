using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The scalar functions of the subset, bound to their arguments. Any other function is a SyntaxError naming it.</summary>
internal static class ScalarFunctions
{
    public static Bound Bind(ScalarBinder binder, CallExpr call)
    {
        string name = call.Name;
        if (name == "column_ifexists")
        {
            Arity(call, 2, 2);
            string column = call.Args[0] is LiteralExpr { Value: string s } ? s : throw KqlException.Semantic("column_ifexists needs a string literal column name.");
            return binder.ColumnIndex(column) >= 0 ? binder.Bind(new NameExpr(column)) : binder.Bind(call.Args[1]);
        }

        var args = call.Args.Select(binder.Bind).ToArray();
        var a = args.Select(b => b.Eval).ToArray();
        switch (name)
        {
            case "isempty":
                return Of(call, args, 1, KqlType.Bool, v => KqlValues.IsEmpty(v[0]));
            case "isnotempty":
                return Of(call, args, 1, KqlType.Bool, v => !KqlValues.IsEmpty(v[0]));
            case "isnull":
                return Of(call, args, 1, KqlType.Bool, v => KqlValues.Unwrap(v[0]) is null);
            case "isnotnull":
                return Of(call, args, 1, KqlType.Bool, v => KqlValues.Unwrap(v[0]) is not null);
            case "not":
                return Of(call, args, 1, KqlType.Bool, v => !KqlValues.IsTrue(v[0]));
            case "tostring":
                return Of(call, args, 1, KqlType.String, v => KqlValues.ToText(v[0]));
            case "todynamic" or "parse_json":
                return Of(call, args, 1, KqlType.Dynamic, v => KqlValues.ToDynamic(v[0]));
            case "tolong":
                return Of(call, args, 1, KqlType.Long, v => KqlConvert.ToLong(v[0]));
            case "toint":
                return Of(call, args, 1, KqlType.Int, v => KqlConvert.ToLong(v[0]) is long l ? (long)(int)l : null);
            case "tobool" or "toboolean":
                return Of(call, args, 1, KqlType.Bool, v => KqlConvert.ToBool(v[0]));
            case "todouble" or "toreal":
                return Of(call, args, 1, KqlType.Real, v => KqlConvert.ToDouble(v[0]));
            case "todatetime":
                return Of(call, args, 1, KqlType.DateTime, v => KqlValues.Unwrap(v[0]) switch
                {
                    DateTime t => t,
                    string s => KqlValues.TryParseDateTime(s),
                    _ => null,
                });
            case "tolower":
                return Of(call, args, 1, KqlType.String, v => KqlValues.ToText(v[0]).ToLowerInvariant());
            case "toupper":
                return Of(call, args, 1, KqlType.String, v => KqlValues.ToText(v[0]).ToUpperInvariant());
            case "strlen":
                return Of(call, args, 1, KqlType.Long, v => (long)KqlValues.ToText(v[0]).Length);
            case "substring":
                return Of(call, args, 2, 3, KqlType.String, v => Substring(KqlValues.ToText(v[0]), KqlConvert.ToLong(v[1]) ?? 0, v.Length > 2 ? KqlConvert.ToLong(v[2]) : null));
            case "strcmp":
                return Of(call, args, 2, KqlType.Int, v => (long)Math.Sign(string.CompareOrdinal(KqlValues.ToText(v[0]), KqlValues.ToText(v[1]))));
            case "strcat":
                return Of(call, args, 1, 64, KqlType.String, v => string.Concat(v.Select(KqlValues.ToText)));
            case "split":
                return Of(call, args, 2, 3, KqlType.Dynamic, v => Split(KqlValues.ToText(v[0]), KqlValues.ToText(v[1]), v.Length > 2 ? KqlConvert.ToLong(v[2]) : null));
            case "iff" or "iif":
                Arity(call, 3, 3);
                return new Bound(args[1].Type, (rows, row) => KqlValues.IsTrue(a[0](rows, row)) ? a[1](rows, row) : a[2](rows, row));
            case "case":
                return Case(call, args);
            case "coalesce":
                Arity(call, 1, 64);
                return new Bound(args[0].Type, (rows, row) =>
                {
                    foreach (var arg in a)
                    {
                        object? v = arg(rows, row);
                        if (!KqlValues.IsEmpty(v))
                        {
                            return v;
                        }
                    }

                    return null;
                });
            case "datetime_diff":
                return Of(call, args, 3, KqlType.Long, v => KqlDates.Diff(KqlValues.ToText(v[0]), KqlValues.Unwrap(v[1]) as DateTime?, KqlValues.Unwrap(v[2]) as DateTime?));
            case "hourofday":
                return Of(call, args, 1, KqlType.Int, v => KqlValues.Unwrap(v[0]) is DateTime t ? (long)t.Hour : null);
            case "dayofweek":
                return Of(call, args, 1, KqlType.TimeSpan, v => KqlValues.Unwrap(v[0]) is DateTime t ? TimeSpan.FromDays((int)t.DayOfWeek) : null);
            case "startofday":
                return Of(call, args, 1, KqlType.DateTime, v => KqlValues.Unwrap(v[0]) is DateTime t ? t.Date : null);
            case "bin" or "floor":
                Arity(call, 2, 2);
                return new Bound(args[0].Type, (rows, row) => KqlDates.Bin(a[0](rows, row), a[1](rows, row)));
            case "ago":
            {
                var now = binder.Query.Now;
                return Of(call, args, 1, KqlType.DateTime, v => KqlValues.Unwrap(v[0]) is TimeSpan t ? now - t : null);
            }

            case "now":
            {
                var now = binder.Query.Now;
                return Of(call, args, 0, KqlType.DateTime, _ => now);
            }

            case "array_length":
                return Of(call, args, 1, KqlType.Long, v => v[0] is JsonArray array ? (long)array.Count : null);
            case "prev" or "next":
                return Neighbour(call, args, name == "prev" ? -1 : 1);
            case "row_number":
                return RowNumber(call, args);
            case "ingestion_time":
            {
                Arity(call, 0, 0);
                int column = binder.ColumnIndex("TimeGenerated");
                return new Bound(KqlType.DateTime, (rows, row) => column < 0 ? null : rows.Get(row, column));
            }

            case "hash":
                return Of(call, args, 1, 2, KqlType.Long, v => Hash(KqlValues.ToText(v[0]), v.Length > 1 ? KqlConvert.ToLong(v[1]) : null));
            case "abs":
                return Of(call, args, 1, args[0].Type, v => KqlValues.Unwrap(v[0]) switch { long l => Math.Abs(l), double d => Math.Abs(d), TimeSpan t => t.Duration(), _ => null });
            default:
                throw KqlException.Unsupported(name + "()");
        }
    }

    private static void Arity(CallExpr call, int min, int max)
    {
        if (call.Args.Count < min || call.Args.Count > max)
        {
            throw KqlException.Semantic($"Function '{call.Name}' takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : min + ".." + max)} arguments, got {call.Args.Count}.");
        }
    }

    private static Bound Of(CallExpr call, Bound[] args, int count, KqlType type, Func<object?[], object?> body) => Of(call, args, count, count, type, body);

    private static Bound Of(CallExpr call, Bound[] args, int min, int max, KqlType type, Func<object?[], object?> body)
    {
        Arity(call, min, max);
        var evals = args.Select(b => b.Eval).ToArray();
        return new Bound(type, (rows, row) =>
        {
            var values = new object?[evals.Length];
            for (int i = 0; i < evals.Length; i++)
            {
                values[i] = evals[i](rows, row);
            }

            return body(values);
        });
    }

    private static Bound Case(CallExpr call, Bound[] args)
    {
        if (args.Length < 3 || args.Length % 2 == 0)
        {
            throw KqlException.Semantic("case() takes predicate/value pairs and an else value.");
        }

        return new Bound(args[1].Type, (rows, row) =>
        {
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (KqlValues.IsTrue(args[i].Eval(rows, row)))
                {
                    return args[i + 1].Eval(rows, row);
                }
            }

            return args[^1].Eval(rows, row);
        });
    }

    /// <summary>prev(x [, n]) / next(x [, n]): the expression on the row n before/after in the (serialized) row order.</summary>
    private static Bound Neighbour(CallExpr call, Bound[] args, int direction)
    {
        Arity(call, 1, 3);
        int offset = args.Length > 1 ? (int)(KqlConvert.ToLong(args[1].Eval(null!, 0)) ?? 1) : 1;
        var value = args[0].Eval;
        // Without a default, a string's is "" (Kusto strings are never null), so prev(Upn) != Upn holds on the first row.
        RowFunc? fallback = args.Length > 2 ? args[2].Eval : args[0].Type == KqlType.String ? (_, _) => "" : null;
        return new Bound(args[0].Type, (rows, row) =>
        {
            int other = row + (direction * offset);
            return other >= 0 && other < rows.Count ? value(rows, other) : fallback?.Invoke(rows, row);
        });
    }

    /// <summary>row_number([start [, restart]]): counts rows in order; restarts at start on a row where restart is true.</summary>
    private static Bound RowNumber(CallExpr call, Bound[] args)
    {
        Arity(call, 0, 2);
        long start = args.Length > 0 ? KqlConvert.ToLong(args[0].Eval(null!, 0)) ?? 1 : 1;
        RowFunc? restart = args.Length > 1 ? args[1].Eval : null;
        long current = start - 1;
        int last = -1;
        return new Bound(KqlType.Long, (rows, row) =>
        {
            // Bound per operator run and evaluated in row order, so the counter is the operator's own.
            current = row == 0 || row <= last || (restart is not null && KqlValues.IsTrue(restart(rows, row))) ? start : current + 1;
            last = row;
            return current;
        });
    }

    private static string Substring(string text, long start, long? length)
    {
        int from = (int)Math.Clamp(start, 0, text.Length);
        int count = length is { } l ? (int)Math.Clamp(l, 0, text.Length - from) : text.Length - from;
        return text.Substring(from, count);
    }

    private static JsonArray Split(string text, string delimiter, long? index)
    {
        string[] parts = delimiter.Length == 0 ? new[] { text } : text.Split(delimiter);
        if (index is { } i)
        {
            return i >= 0 && i < parts.Length ? new JsonArray(JsonValue.Create(parts[i])) : new JsonArray();
        }

        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    /// <summary>A deterministic 64-bit FNV-1a hash of the text (Kusto uses xxhash; any stable hash partitions the same way).</summary>
    private static long? Hash(string text, long? modulo)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211;
        }

        long value = (long)(hash & long.MaxValue);
        return modulo is { } m && m > 0 ? value % m : value;
    }
}
