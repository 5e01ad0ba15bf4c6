using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>Reads the report's contract elements (ids and data- attributes) out of the live page.</summary>
internal static class ReportDom
{
    public sealed record Bar(string Day, string Cause, long Count, double HeightAttribute, double BoxWidth, double BoxHeight);

    /// <summary>The trend table: cause columns in header order, and per day the counts in that order plus the total.</summary>
    public sealed record TrendTable(IReadOnlyList<string> Causes, IReadOnlyList<TrendRow> Rows);

    public sealed record TrendRow(string Day, IReadOnlyList<long> Counts, long Total);

    /// <summary>One body row of a data table: whether it is shown, and per column its text and data-value.</summary>
    public sealed class Row
    {
        public bool Hidden { get; set; }

        public string[] Texts { get; set; } = [];

        public string?[] Values { get; set; } = [];
    }

    public static async Task<long> HeadlineAsync(IPage page, string metric) =>
        ParseCount(await page.Locator($"#headline dd[data-metric=\"{metric}\"]").TextContentAsync());

    public static async Task<IReadOnlyList<Bar>> BarsAsync(IPage page)
    {
        var bars = new List<Bar>();
        foreach (var rect in await page.Locator("#trend-chart rect.bar").AllAsync())
        {
            var box = await rect.BoundingBoxAsync();
            bars.Add(new Bar(
                await rect.GetAttributeAsync("data-day") ?? "",
                await rect.GetAttributeAsync("data-cause") ?? "",
                ParseCount(await rect.GetAttributeAsync("data-count")),
                double.Parse(await rect.GetAttributeAsync("height") ?? "0", CultureInfo.InvariantCulture),
                box?.Width ?? 0,
                box?.Height ?? 0));
        }

        return bars;
    }

    public static async Task<TrendTable> TrendTableAsync(IPage page)
    {
        var header = await page.Locator("#trend-table thead tr").Last.Locator("th").AllTextContentsAsync();
        var causes = header.Skip(1).Take(header.Count - 2).Select(h => h.Trim()).ToList();
        var rows = new List<TrendRow>();
        foreach (var row in await page.Locator("#trend-table tbody tr").AllAsync())
        {
            var day = (await row.Locator("th[scope=row]").TextContentAsync() ?? "").Trim();
            var cells = (await row.Locator("td").AllTextContentsAsync()).Select(ParseCount).ToList();
            rows.Add(new TrendRow(day, cells.Take(cells.Count - 1).ToList(), cells[^1]));
        }

        return new TrendTable(causes, rows);
    }

    /// <summary>Every body row of the data table with this id, in page order.</summary>
    public static Task<Row[]> RowsAsync(IPage page, string tableId) =>
        page.EvaluateAsync<Row[]>(
            """
            id => [...document.querySelectorAll('#' + id + ' > tbody > tr')].map(tr => ({
              hidden: tr.hidden,
              texts: [...tr.cells].map(c => c.textContent.trim()),
              values: [...tr.cells].map(c => c.getAttribute('data-value'))
            }))
            """,
            tableId);

    /// <summary>The header labels of a data table (its sort buttons' text).</summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(IPage page, string tableId) =>
        (await page.Locator($"#{tableId} thead th").AllTextContentsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>A count as the page prints it; thousands separators allowed ("100,000").</summary>
    public static long ParseCount(string? text) =>
        long.Parse((text ?? "").Trim().Replace(",", "", System.StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
