using System;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// A query the simulator rejects with 400 BadArgumentError. <see cref="InnerCode"/> is SyntaxError (malformed, or a
/// construct outside the supported KQL subset: the message names it) or SemanticError (unknown table or column, wrong
/// types); <see cref="DetailCode"/> is the innermost code (SYN0002, SEM0100 …).
/// </summary>
public sealed class KqlException : Exception
{
    private KqlException(string innerCode, string detailCode, string message)
        : base(message)
    {
        InnerCode = innerCode;
        DetailCode = detailCode;
    }

    public KqlException()
        : this("SyntaxError", "SYN0002", "Query could not be parsed.")
    {
    }

    public KqlException(string message)
        : this("SyntaxError", "SYN0002", message)
    {
    }

    public KqlException(string message, Exception innerException)
        : base(message, innerException)
    {
        InnerCode = "SyntaxError";
        DetailCode = "SYN0002";
    }

    public string InnerCode { get; } = "SyntaxError";

    public string DetailCode { get; } = "SYN0002";

    /// <summary>The unresolved name was a table (what union isfuzzy=true tolerates; a missing column it does not).</summary>
    public bool IsMissingTable { get; private init; }

    /// <summary>Malformed text at a position.</summary>
    public static KqlException Syntax(string token, int line, int column, string? why = null) =>
        new("SyntaxError", "SYN0002", $"Query could not be parsed at '{token}' on line [{line},{column}]" + (why is null ? "" : ": " + why));

    /// <summary>Valid Kusto the simulator does not evaluate: fails loudly so a module query outside the subset is caught in tests.</summary>
    public static KqlException Unsupported(string construct) =>
        new("SyntaxError", "SYN0002", $"'{construct}' is outside the KQL subset the Log Analytics simulator evaluates (see tests/GraphSimulator/README.md).");

    /// <summary>SEM0100, Kusto's message for a name that resolves to no table or column.</summary>
    public static KqlException Unresolved(string operatorName, string name) =>
        new("SemanticError", "SEM0100", $"'{operatorName}' operator: Failed to resolve table or column expression named '{name}'");

    /// <summary>SEM0100 for a table the workspace does not have.</summary>
    public static KqlException MissingTable(string operatorName, string name) =>
        new("SemanticError", "SEM0100", $"'{operatorName}' operator: Failed to resolve table or column expression named '{name}'") { IsMissingTable = true };

    /// <summary>Another semantic error (a type mismatch, a wrong argument count).</summary>
    public static KqlException Semantic(string message) => new("SemanticError", "SEM0001", message);
}
