using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The trend chart is drawn, and it, its table alternative and the headline tell the same numbers.</summary>
[Collection(SharedReports.Name)]
public sealed class TrendChartTests(ReportFixture reports, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Every_bar_of_the_sample_report_is_drawn_with_a_visible_size()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var bars = await ReportDom.BarsAsync(report.Page);

        Assert.NotEmpty(bars);
        Assert.All(bars, bar =>
        {
            Assert.True(bar.Count > 0, $"{bar.Day} {bar.Cause}: a bar for a zero count");
            Assert.True(bar.HeightAttribute > 0, $"{bar.Day} {bar.Cause}: height {bar.HeightAttribute}");
            Assert.True(bar.BoxWidth > 0 && bar.BoxHeight > 0, $"{bar.Day} {bar.Cause}: rendered {bar.BoxWidth} x {bar.BoxHeight}");
        });
        output.WriteLine($"{bars.Count} bars over {bars.Select(b => b.Day).Distinct().Count()} days");
    }

    [BrowserFact]
    public Task Bars_trend_table_and_headline_agree_in_the_sample_report() => AssertChartAgrees(reports.SamplesReport);

    [BrowserFact]
    public Task Bars_trend_table_and_headline_agree_in_the_100000_failure_report() => AssertChartAgrees(reports.LargeReport);

    [BrowserFact]
    public async Task The_chart_has_an_accessible_name_from_its_title_and_description()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var chart = report.Page.Locator("svg#trend-chart");

        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        var labelledBy = (await chart.GetAttributeAsync("aria-labelledby") ?? "").Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["trend-title", "trend-desc"], labelledBy);
        var title = (await report.Page.Locator("#trend-chart title#trend-title").TextContentAsync() ?? "").Trim();
        var description = (await report.Page.Locator("#trend-chart desc#trend-desc").TextContentAsync() ?? "").Trim();
        Assert.NotEmpty(title);
        Assert.NotEmpty(description);
        // The name as assistive technology computes it (Playwright's accessible-name algorithm), not just the markup.
        Assert.Equal(1, await report.Page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { Name = title }).CountAsync());
        output.WriteLine($"title: {title}{System.Environment.NewLine}desc: {description}");
    }

    private async Task AssertChartAgrees(string file)
    {
        await using var report = await reports.OpenAsync(file);
        var bars = await ReportDom.BarsAsync(report.Page);
        var table = await ReportDom.TrendTableAsync(report.Page);
        var total = await ReportDom.HeadlineAsync(report.Page, "total");

        Assert.NotEmpty(table.Rows);
        Assert.True(total > 0);
        Assert.Equal(total, bars.Sum(b => b.Count));
        Assert.Equal(total, table.Rows.Sum(r => r.Total));
        foreach (var row in table.Rows)
        {
            Assert.Equal(table.Causes.Count, row.Counts.Count);
            Assert.Equal(row.Total, row.Counts.Sum());
            for (var column = 0; column < table.Causes.Count; column++)
            {
                var cause = table.Causes[column];
                var drawn = bars.Where(b => b.Day == row.Day && b.Cause == cause).ToList();
                // One bar per non-zero (day, cause), none for a zero.
                Assert.Equal(row.Counts[column] > 0 ? 1 : 0, drawn.Count);
                Assert.Equal(row.Counts[column], drawn.Sum(b => b.Count));
            }
        }

        // No bar for a day or cause the table does not have.
        Assert.All(bars, bar => Assert.Contains(bar.Cause, table.Causes));
        Assert.All(bars, bar => Assert.Contains(table.Rows, r => r.Day == bar.Day));
        output.WriteLine($"{total} failures = {bars.Count} bars = {table.Rows.Count} days x {table.Causes.Count} causes");
    }
}
