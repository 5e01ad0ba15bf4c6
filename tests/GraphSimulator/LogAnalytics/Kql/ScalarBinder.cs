using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>A bound scalar expression's evaluation for one row of a row set.</summary>
internal delegate object? RowFunc(RowSet rows, int row);

/// <summary>A scalar expression bound to a schema: its static Kusto type and how to evaluate it.</summary>
internal sealed record Bound(KqlType Type, RowFunc Eval);

/// <summary>What every operator of one query shares: the let constants and the clock (ago, now).</summary>
internal sealed record QueryContext(IReadOnlyDictionary<string, Expr> Lets, DateTime Now);

/// <summary>
/// Binds scalar expressions to the columns of an operator's input: names resolve to columns (then let constants),
/// else SEM0100 naming the operator; functions come from <see cref="ScalarFunctions"/>.
/// </summary>
internal sealed class ScalarBinder
{
    public ScalarBinder(IReadOnlyList<KqlColumn> columns, QueryContext query, string operatorName)
    {
        Columns = columns;
        Query = query;
        OperatorName = operatorName;
    }

    public IReadOnlyList<KqlColumn> Columns { get; }

    public QueryContext Query { get; }

    public string OperatorName { get; }

    public Bound Bind(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
            {
                object? value = literal.Value;
                return new Bound(literal.Type, (_, _) => value);
            }

            case NameExpr name:
                return BindName(name.Name);
            case MemberExpr member:
                return Member(Bind(member.Target), member.Target, member.Name, null);
            case IndexExpr index:
            {
                return Member(Bind(index.Target), index.Target, null, Bind(index.Index));
            }

            case UnaryExpr { Op: "-" } unary:
            {
                var operand = Bind(unary.Operand);
                return new Bound(operand.Type, (rows, row) => KqlOperators.Negate(operand.Eval(rows, row)));
            }

            case BinaryExpr binary:
                return KqlOperators.Bind(binary.Op, Bind(binary.Left), Bind(binary.Right));
            case InExpr inList when !inList.HasAny && inList.List.All(e => e is LiteralExpr) && KqlOperators.ConstantTexts(inList.List.Select(e => ((LiteralExpr)e).Value)) is { } texts:
                // A list of string literals (the module's user and app lists): one set lookup per row, not a scan of the list.
                return KqlOperators.BindInSet(Bind(inList.Value), texts, inList.Negated, inList.IgnoreCase);
            case InExpr inList:
                return KqlOperators.BindIn(Bind(inList.Value), inList.List.Select(Bind).ToArray(), inList.Negated, inList.IgnoreCase, inList.HasAny);
            case BetweenExpr between:
                return KqlOperators.BindBetween(Bind(between.Value), Bind(between.Low), Bind(between.High), between.Negated);
            case CallExpr call:
                return ScalarFunctions.Bind(this, call);
            case StarExpr:
                throw KqlException.Unsupported("* outside arg_max/arg_min");
            default:
                throw KqlException.Unsupported(expr.GetType().Name);
        }
    }

    /// <summary>The name a column gets when an unnamed expression makes one: a plain column keeps its name.</summary>
    public static string? ImplicitName(Expr expr) => expr switch
    {
        NameExpr name => name.Name,
        MemberExpr member => ImplicitName(member.Target) is { } target ? target + "_" + member.Name : null,
        CallExpr { Name: "bin" or "tostring" or "tolower" or "toupper" or "todynamic" or "parse_json" or "tolong" or "toint" } call when call.Args.Count > 0
            => ImplicitName(call.Args[0]),
        _ => null,
    };

    public int ColumnIndex(string name)
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

    private Bound BindName(string name)
    {
        int index = ColumnIndex(name);
        if (index >= 0)
        {
            return new Bound(Columns[index].Type, (rows, row) => rows.Get(row, index));
        }

        if (Query.Lets.TryGetValue(name, out var value))
        {
            return Bind(value);
        }

        throw KqlException.Unresolved(OperatorName, name);
    }

    private static Bound Member(Bound target, Expr targetExpr, string? name, Bound? index)
    {
        if (target.Type != KqlType.Dynamic)
        {
            // Kusto: property access needs a dynamic value; the non-interactive table's JSON columns are strings (todynamic first).
            string what = ImplicitName(targetExpr) ?? "expression";
            throw KqlException.Semantic($"Property access on '{what}' of type {KqlTypes.Name(target.Type)}: it needs a dynamic value (use todynamic()).");
        }

        return new Bound(KqlType.Dynamic, (rows, row) =>
        {
            var node = target.Eval(rows, row) as JsonNode;
            if (name is not null)
            {
                return node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            object? at = KqlValues.Unwrap(index!.Eval(rows, row));
            return (node, at) switch
            {
                (JsonArray array, long i) when i >= -array.Count && i < array.Count => array[(int)(i < 0 ? array.Count + i : i)],
                (JsonObject obj, string s) when obj.TryGetPropertyValue(s, out var child) => child,
                _ => null,
            };
        });
    }
}
