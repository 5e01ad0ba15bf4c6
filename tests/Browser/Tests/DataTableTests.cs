using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The data tables sort and filter in the browser, and say so to assistive technology.</summary>
[Collection(SharedReports.Name)]
public sealed class DataTableTests(ReportFixture reports, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Sorting_the_failures_per_cause_column_twice_orders_it_numerically_up_then_down()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var column = await ColumnIndexAsync(report, "causes", "Failures");
        var before = await ReportDom.RowsAsync(report.Page, "causes");

        await ClickSortAsync(report, "causes", column);
        await AssertSortedAsync(report, "causes", column, "ascending", before.Length, numeric: true);
        await ClickSortAsync(report, "causes", column);
        var values = await AssertSortedAsync(report, "causes", column, "descending", before.Length, numeric: true);
        output.WriteLine("Failures per cause, descending: " + string.Join(", ", values));
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task Sorting_the_user_column_twice_orders_it_alphabetically_up_then_down()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var column = await ColumnIndexAsync(report, "failures", "UserPrincipalName");
        var before = await ReportDom.RowsAsync(report.Page, "failures");

        await ClickSortAsync(report, "failures", column);
        await AssertSortedAsync(report, "failures", column, "ascending", before.Length, numeric: false);
        await ClickSortAsync(report, "failures", column);
        await AssertSortedAsync(report, "failures", column, "descending", before.Length, numeric: false);
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task A_sort_button_works_from_the_keyboard()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var column = await ColumnIndexAsync(report, "causes", "Failures");
        var rowCount = (await ReportDom.RowsAsync(report.Page, "causes")).Length;

        await report.Page.Locator("#causes thead th").Nth(column).Locator("button.sort").FocusAsync();
        await report.Page.Keyboard.PressAsync("Enter");
        await AssertSortedAsync(report, "causes", column, "ascending", rowCount, numeric: true);
        await report.Page.Keyboard.PressAsync("Space");
        await AssertSortedAsync(report, "causes", column, "descending", rowCount, numeric: true);
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task Typing_a_user_into_the_failures_filter_shows_only_that_users_rows_and_counts_them()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var column = await ColumnIndexAsync(report, "failures", "UserPrincipalName");
        var rows = await ReportDom.RowsAsync(report.Page, "failures");
        var status = report.Page.Locator("#failures-count");
        Assert.Equal($"{rows.Length} of {rows.Length} rows shown", (await status.TextContentAsync() ?? "").Trim());
        // A user with some of the rows but not all, so the filter has to both keep and hide.
        var user = rows.GroupBy(r => r.Texts[column]).Select(g => (g.Key, Count: g.Count()))
            .Where(g => g.Count < rows.Length).OrderByDescending(g => g.Count).First().Key;
        var expected = rows.Count(r => string.Join(" ", r.Texts).Contains(user, StringComparison.OrdinalIgnoreCase));

        var filter = report.Page.Locator("input.filter[type=search][data-table=failures]");
        // Named for assistive technology (by aria-label or a <label for>): the snapshot shows the computed name.
        Assert.Matches("^- searchbox \"[^\"]+\"", await filter.AriaSnapshotAsync());
        await filter.PressSequentiallyAsync(user);

        var after = await ReportDom.RowsAsync(report.Page, "failures");
        var shown = after.Where(r => !r.Hidden).ToList();
        Assert.Equal(expected, shown.Count);
        Assert.All(shown, r => Assert.Contains(user, string.Join(" ", r.Texts), StringComparison.OrdinalIgnoreCase));
        Assert.All(after.Where(r => r.Hidden), r => Assert.DoesNotContain(user, string.Join(" ", r.Texts), StringComparison.OrdinalIgnoreCase));
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        Assert.Equal($"{expected} of {rows.Length} rows shown", (await status.TextContentAsync() ?? "").Trim());
        // The hidden rows are really out of view, not just marked.
        Assert.Equal(expected, await report.Page.Locator("#failures > tbody > tr:visible").CountAsync());

        await filter.FillAsync("");
        Assert.Equal($"{rows.Length} of {rows.Length} rows shown", (await status.TextContentAsync() ?? "").Trim());
        output.WriteLine($"filter '{user}': {expected} of {rows.Length} rows shown");
        report.AssertNothingWentWrong();
    }

    private static async Task<int> ColumnIndexAsync(ReportPage report, string table, string label)
    {
        var columns = await ReportDom.ColumnsAsync(report.Page, table);
        var index = columns.ToList().IndexOf(label);
        Assert.True(index >= 0, $"#{table} has no column '{label}' (columns: {string.Join(", ", columns)})");
        return index;
    }

    private static Task ClickSortAsync(ReportPage report, string table, int column) =>
        report.Page.Locator($"#{table} thead th").Nth(column).Locator("button.sort[type=button]").ClickAsync();

    /// <summary>The column's aria-sort is the direction and no other column has one; the rows are in that order.</summary>
    private static async Task<string[]> AssertSortedAsync(ReportPage report, string table, int column, string direction, int rowCount, bool numeric)
    {
        var headers = report.Page.Locator($"#{table} thead th");
        for (var i = 0; i < await headers.CountAsync(); i++)
        {
            Assert.Equal(i == column ? direction : null, await headers.Nth(i).GetAttributeAsync("aria-sort"));
        }

        var rows = await ReportDom.RowsAsync(report.Page, table);
        Assert.Equal(rowCount, rows.Length);
        var sign = direction == "ascending" ? 1 : -1;
        if (numeric)
        {
            var numbers = rows.Select(r => double.Parse(r.Values[column] ?? "NaN", CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(numbers);
            for (var i = 1; i < numbers.Count; i++)
            {
                Assert.True(sign * numbers[i - 1].CompareTo(numbers[i]) <= 0, $"{direction}: {numbers[i - 1]} before {numbers[i]}");
            }

            return numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        var texts = rows.Select(r => r.Texts[column]).ToArray();
        Assert.True(texts.Distinct().Count() > 1, $"#{table} column {column} has a single value: sorting it proves nothing");
        // Alphabetical as the browser's own collation orders text (what a reader of the page expects).
        var outOfOrder = await report.Page.EvaluateAsync<int>(
            "([t, s]) => t.findIndex((v, i) => i > 0 && s * t[i - 1].localeCompare(v) > 0)", new object[] { texts, sign });
        Assert.True(outOfOrder < 0, $"{direction}: '{(outOfOrder > 0 ? texts[outOfOrder - 1] : "")}' before '{(outOfOrder > 0 ? texts[outOfOrder] : "")}'");
        return texts;
    }
}
