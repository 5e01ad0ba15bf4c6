using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

// The parsed query: scalar expressions, tabular sources and operators. Records only; the binder and the operators
// give them meaning.

internal abstract record Expr;

internal sealed record LiteralExpr(object? Value, KqlType Type) : Expr;

internal sealed record NameExpr(string Name) : Expr;

/// <summary>The * of arg_max(x, *).</summary>
internal sealed record StarExpr : Expr;

internal sealed record MemberExpr(Expr Target, string Name) : Expr;

internal sealed record IndexExpr(Expr Target, Expr Index) : Expr;

internal sealed record UnaryExpr(string Op, Expr Operand) : Expr;

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right) : Expr;

/// <summary>in, !in, in~, !in~ and has_any: the list is literals, a dynamic array, or any scalar expressions.</summary>
internal sealed record InExpr(Expr Value, IReadOnlyList<Expr> List, bool Negated, bool IgnoreCase, bool HasAny = false) : Expr;

internal sealed record BetweenExpr(Expr Value, Expr Low, Expr High, bool Negated) : Expr;

internal sealed record CallExpr(string Name, IReadOnlyList<Expr> Args) : Expr;

/// <summary>Name = expression (Name null when unnamed).</summary>
internal sealed record Assignment(string? Name, Expr Value);

internal sealed record SortKey(Expr Value, bool Descending, bool? NullsFirst);

internal abstract record TabularSource;

internal sealed record TableSource(string Name, Token At) : TabularSource;

internal sealed record UnionSource(bool IsFuzzy, string? WithSource, IReadOnlyList<TabularExpr> Legs) : TabularSource;

internal sealed record SubquerySource(TabularExpr Query) : TabularSource;

internal sealed record TabularExpr(TabularSource Source, IReadOnlyList<QueryOperator> Operators);

internal abstract record QueryOperator(string Name);

internal sealed record WhereOp(Expr Predicate) : QueryOperator("where");

internal sealed record ExtendOp(IReadOnlyList<Assignment> Columns) : QueryOperator("extend");

internal sealed record ProjectOp(IReadOnlyList<Assignment> Columns) : QueryOperator("project");

internal sealed record ProjectAwayOp(IReadOnlyList<string> Columns) : QueryOperator("project-away");

internal sealed record SummarizeOp(IReadOnlyList<Assignment> Aggregates, IReadOnlyList<Assignment> By) : QueryOperator("summarize");

internal sealed record SortOp(IReadOnlyList<SortKey> Keys) : QueryOperator("sort");

internal sealed record TakeOp(long Count) : QueryOperator("take");

internal sealed record TopOp(long Count, SortKey Key) : QueryOperator("top");

internal sealed record DistinctOp(IReadOnlyList<Assignment> Columns) : QueryOperator("distinct");

internal sealed record SerializeOp() : QueryOperator("serialize");

internal sealed record CountOp() : QueryOperator("count");

internal sealed record GetSchemaOp() : QueryOperator("getschema");

internal sealed record MvApplyOp(string Column, Expr Array, IReadOnlyList<QueryOperator> Body) : QueryOperator("mv-apply");

/// <summary>join: Keys are (left column, right column) pairs; the same name twice for "on Key".</summary>
internal sealed record JoinOp(string Kind, TabularExpr Right, IReadOnlyList<(string Left, string Right)> Keys) : QueryOperator("join");

/// <summary>The whole query: let constants, then one tabular expression.</summary>
internal sealed record KqlQuery(IReadOnlyDictionary<string, Expr> Lets, TabularExpr Body);
