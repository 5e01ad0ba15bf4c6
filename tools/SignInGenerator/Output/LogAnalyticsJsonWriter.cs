namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// Log Analytics / Sentinel export as one JSON array of rows from both tables (as <c>union SigninLogs,
/// AADNonInteractiveUserSignInLogs</c> returns them): each row has its own table's columns; dynamic columns are nested
/// JSON, string columns that hold JSON carry it as text (or nested too with <c>--la-nested</c>).
/// </summary>
internal sealed class LogAnalyticsJsonWriter : JsonFileWriter
{
    private readonly LogAnalyticsCells cells;
    private readonly bool nestAll;
    private readonly bool withoutDynamicColumns;
    private readonly IReadOnlyList<(string Name, System.Func<SignIn, Cell> Value, bool Dynamic)> interactive;
    private readonly IReadOnlyList<(string Name, System.Func<SignIn, Cell> Value, bool Dynamic)> nonInteractive;

    // withoutDynamicColumns leaves the dynamic columns out, as exports that keep only scalar columns do (a thin variant).
    public LogAnalyticsJsonWriter(string path, Tenant tenant, bool nestAll, bool withoutDynamicColumns = false)
        : base(path, CompactJson)
    {
        cells = new LogAnalyticsCells(tenant);
        this.nestAll = nestAll;
        this.withoutDynamicColumns = withoutDynamicColumns;
        interactive = cells.For(LogAnalyticsTable.SigninLogs);
        nonInteractive = cells.For(LogAnalyticsTable.NonInteractive);
        Json.WriteStartArray();
    }

    public override void Write(SignIn signIn)
    {
        var w = Json;
        w.WriteStartObject();
        foreach (var (name, value, dynamic) in signIn.IsInteractive ? interactive : nonInteractive)
        {
            if (dynamic && withoutDynamicColumns)
            {
                continue;
            }

            Cell cell = value(signIn);
            switch (cell.Kind)
            {
                case CellKind.Text:
                    w.WriteString(name, cell.Text);
                    break;
                case CellKind.Number:
                    w.WriteNumber(name, cell.Number);
                    break;
                case CellKind.Boolean:
                    w.WriteBoolean(name, cell.Flag);
                    break;
                case CellKind.Json when dynamic || nestAll:
                    w.WritePropertyName(name);
                    cell.Json!(w);
                    break;
                case CellKind.Json:
                    w.WriteString(name, cells.JsonText(cell.Json!, indented: true));
                    break;
                default:
                    w.WriteNull(name);
                    break;
            }
        }

        w.WriteEndObject();
        FlushIfLarge();
    }

    protected override void Finish()
    {
        Json.WriteEndArray();
        Json.Flush();
    }
}
