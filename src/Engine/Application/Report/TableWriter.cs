using System.Globalization;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// Writes a <see cref="ReportTable"/>: caption (with where the cut rows are), a labelled filter box, a live row count,
/// column headers with sort buttons, and the cells. Headers have scope="col" and the first cell of each row is the row
/// header, so a screen reader names every cell.
/// </summary>
internal static class TableWriter
{
    // A list cell shows this many lines and "+N more"; the CSV beside the report has every line.
    private const int ListLines = 4;

    public static void Write(HtmlBuilder html, ReportTable table)
    {
        var shown = table.Rows.Count.ToString(CultureInfo.InvariantCulture);
        html.Open("div", "class", "table-tools")
            .Open("label", "for", table.Id + "-filter").Text("Filter this table").Close("label")
            .Open("input", "type", "search", "class", "filter", "id", table.Id + "-filter", "data-table", table.Id, "aria-controls", table.Id, "autocomplete", "off")
            .Open("p", "class", "row-count", "id", table.Id + "-count", "role", "status", "aria-live", "polite").Text(shown + " of " + shown + " rows shown").Close("p")
            .Close("div");

        html.Open("div", "class", "table-wrap").Open("table", "class", "data", "id", table.Id);
        html.Open("caption").Text(table.Caption);
        if (table.TotalRows > table.Rows.Count)
        {
            html.Raw(" ").Open("span", "class", "cut").Text("(the top " + table.Rows.Count.ToString("N0", CultureInfo.InvariantCulture) + " of " + table.TotalRows.ToString("N0", CultureInfo.InvariantCulture));
            if (table.FullListFile is { } file)
            {
                html.Text("; all of them in ").Open("a", "href", "./" + System.Uri.EscapeDataString(file)).Text(file).Close("a");
            }

            html.Text(")").Close("span");
        }

        html.Close("caption").Open("thead").Open("tr");
        foreach (var column in table.Columns)
        {
            html.Open("th", "scope", "col").Open("button", "type", "button", "class", "sort");
            WriteLabel(html, column);
            html.Close("button").Close("th");
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in table.Rows)
        {
            html.Open("tr");
            for (var i = 0; i < row.Count; i++)
            {
                WriteCell(html, row[i], i == 0 ? "th" : "td");
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    // Column labels are property names ("BeforeFailures"): a <wbr> between their words lets a narrow column wrap the
    // label without changing its text for copying or a screen reader.
    internal static void WriteLabel(HtmlBuilder html, string label)
    {
        var start = 0;
        for (var i = 1; i < label.Length; i++)
        {
            if (char.IsUpper(label[i]) && char.IsLower(label[i - 1]))
            {
                html.Text(label.Substring(start, i - start)).Raw("<wbr>");
                start = i;
            }
        }

        html.Text(label.Substring(start));
    }

    private static void WriteCell(HtmlBuilder html, ReportCell cell, string tag)
    {
        html.Open(tag, "scope", tag == "th" ? "row" : null, "class", cell.IsNumber ? "num" : cell.ClassName, "data-value", cell.SortValue);
        if (cell.Lines is { } lines)
        {
            if (lines.Count > 0)
            {
                html.Open("ul");
                for (var i = 0; i < lines.Count && i < ListLines; i++)
                {
                    html.Open("li").Short(lines[i]).Close("li");
                }

                if (lines.Count > ListLines)
                {
                    html.Element("li", "+" + (lines.Count - ListLines).ToString(CultureInfo.InvariantCulture) + " more", "class", "muted");
                }

                html.Close("ul");
            }
        }
        else
        {
            html.Short(cell.Text);
        }

        html.Close(tag);
    }
}
