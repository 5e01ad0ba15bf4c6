using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// Keeps the page small at any input size: a table longer than the top rows is cut, and all its rows go to a CSV
/// beside the report ("report.headless.csv"), which the table's caption links by relative name.
/// </summary>
internal sealed class ReportSidecars
{
    private readonly string _reportPath;
    private readonly int _top;

    public ReportSidecars(string reportPath, int top)
    {
        _reportPath = reportPath;
        _top = top;
    }

    /// <summary>The CSVs written, by full path.</summary>
    public List<string> Written { get; } = new();

    /// <summary>"report.failures.csv" beside "report.html".</summary>
    public static string Beside(string reportPath, string name) =>
        Path.Combine(Path.GetDirectoryName(reportPath) ?? ".", Path.GetFileNameWithoutExtension(reportPath) + "." + name + ".csv");

    public void Cut(ReportTable table)
    {
        if (table.Rows.Count <= _top)
        {
            return;
        }

        var path = Beside(_reportPath, table.Id);
        using (var csv = new ReportCsvFile(path, table.Columns))
        {
            foreach (var row in table.Rows)
            {
                csv.Write(row.Select(cell => cell.Lines is { } lines ? string.Join("; ", lines) : cell.Text));
            }

            Written.Add(csv.Keep());
        }

        table.TotalRows = table.Rows.Count;
        table.FullListFile = Path.GetFileName(path);
        table.Rows.RemoveRange(_top, table.Rows.Count - _top);
    }
}
