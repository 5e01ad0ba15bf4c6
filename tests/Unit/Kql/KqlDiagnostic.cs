namespace EntraStrongAuth.Tests.Kql;

/// <summary>
/// One finding of the Kusto language service (or of the check's own ESA001 rule) about one query of a batch:
/// <see cref="Line"/> and <see cref="Column"/> are 1-based, <see cref="Offset"/> 0-based into the query text.
/// </summary>
public sealed record KqlDiagnostic(string QueryName, string Severity, string Code, string Message, int Offset, int Length, int Line, int Column)
{
    public bool IsError => Severity == "Error";

    public override string ToString() => QueryName + " (" + Line + "," + Column + "): " + Severity + " " + Code + ": " + Message;
}
