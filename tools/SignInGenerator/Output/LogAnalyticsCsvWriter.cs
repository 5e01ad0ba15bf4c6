namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The same Log Analytics rows as CSV: one header for the union of both tables' columns (SigninLogs order, then the
/// non-interactive-only ones), empty cells where a row's table lacks the column, JSON columns as JSON text.
/// </summary>
internal sealed class LogAnalyticsCsvWriter : CsvWriter
{
    private static readonly IReadOnlyList<string> Header = LogAnalyticsTable.SigninLogs.Columns
        .Concat(LogAnalyticsTable.NonInteractive.Columns.Except(LogAnalyticsTable.SigninLogs.Columns))
        .ToArray();

    private readonly LogAnalyticsCells cells;
    private readonly Dictionary<string, (Func<SignIn, Cell> Value, bool Dynamic)> interactive;
    private readonly Dictionary<string, (Func<SignIn, Cell> Value, bool Dynamic)> nonInteractive;

    public LogAnalyticsCsvWriter(string path, Tenant tenant)
        : base(path, quoteAll: false, newLine: "\r\n")
    {
        cells = new LogAnalyticsCells(tenant);
        interactive = cells.For(LogAnalyticsTable.SigninLogs).ToDictionary(c => c.Name, c => (c.Value, c.Dynamic), StringComparer.Ordinal);
        nonInteractive = cells.For(LogAnalyticsTable.NonInteractive).ToDictionary(c => c.Name, c => (c.Value, c.Dynamic), StringComparer.Ordinal);
        WriteRow(Header);
    }

    protected override IEnumerable<string?> Cells(SignIn signIn)
    {
        var table = signIn.IsInteractive ? interactive : nonInteractive;
        foreach (string name in Header)
        {
            yield return table.TryGetValue(name, out var column) ? Render(column.Value(signIn), column.Dynamic) : null;
        }
    }

    private string? Render(Cell cell, bool dynamic) => cell.Kind switch
    {
        CellKind.Text => cell.Text,
        CellKind.Number => Formats.Number(cell.Number),
        CellKind.Boolean => cell.Flag ? "true" : "false",
        CellKind.Json => cells.JsonText(cell.Json!, indented: !dynamic),
        _ => null,
    };
}
