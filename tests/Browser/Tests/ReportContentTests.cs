using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The numbers of one report agree with each other wherever they appear, and every part the contract names is there.</summary>
[Collection(SharedReports.Name)]
public sealed class ReportContentTests(ReportFixture reports, ITestOutputHelper output)
{
    /// <summary>Each column of the causes table, summed over causes, is the headline metric of the same meaning.</summary>
    private static readonly Dictionary<string, string> CauseColumnToHeadline = new()
    {
        ["Failures"] = "total",
        ["NeedsAction"] = "needs-action",
        ["Benign"] = "benign",
        ["Resolved"] = "resolved",
        ["Pending"] = "pending",
    };

    [BrowserFact]
    public async Task The_headline_parts_add_up_to_its_total()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var metrics = new Dictionary<string, long>();
        foreach (var name in new[] { "total", "benign", "needs-action", "resolved", "pending" })
        {
            metrics[name] = await ReportDom.HeadlineAsync(report.Page, name);
        }

        Assert.Equal(metrics["total"], metrics["benign"] + metrics["needs-action"] + metrics["resolved"] + metrics["pending"]);
        Assert.True(metrics["needs-action"] > 0);
        output.WriteLine(string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value}")));
    }

    [BrowserFact]
    public async Task The_causes_table_sums_to_the_headline_and_lists_the_trend_tables_causes()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var columns = (await ReportDom.ColumnsAsync(report.Page, "causes")).ToList();
        var rows = await ReportDom.RowsAsync(report.Page, "causes");
        var trend = await ReportDom.TrendTableAsync(report.Page);

        Assert.Equal("Cause", columns[0]);
        Assert.Equal(trend.Causes.Order(StringComparer.Ordinal), rows.Select(r => r.Texts[0]).Order(StringComparer.Ordinal));
        var mismatches = new List<string>();
        foreach (var (column, metric) in CauseColumnToHeadline)
        {
            var index = columns.IndexOf(column);
            var headline = await ReportDom.HeadlineAsync(report.Page, metric);
            var sum = index < 0 ? (long?)null : rows.Sum(r => long.Parse(r.Values[index] ?? "0", CultureInfo.InvariantCulture));
            if (sum != headline)
            {
                mismatches.Add($"{column}: {(sum is null ? "no such column" : "sums to " + sum)}, headline {metric} is {headline}");
            }
        }

        Assert.True(mismatches.Count == 0, "causes table against the headline: " + string.Join("; ", mismatches) + " (columns: " + string.Join(", ", columns) + ")");
    }

    [BrowserFact]
    public async Task Every_cause_has_a_section_and_every_cause_that_needs_action_a_verify_command()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var columns = (await ReportDom.ColumnsAsync(report.Page, "causes")).ToList();
        var needsAction = columns.IndexOf("NeedsAction");
        Assert.True(needsAction > 0, "the causes table has no NeedsAction column");

        foreach (var row in await ReportDom.RowsAsync(report.Page, "causes"))
        {
            var cause = row.Texts[0];
            var section = report.Page.Locator($"section.cause#cause-{cause}");
            Assert.Equal(1, await section.CountAsync());
            Assert.Contains(cause, await section.Locator("h3").TextContentAsync() ?? "", StringComparison.Ordinal);
            if (long.Parse(row.Values[needsAction] ?? "0", CultureInfo.InvariantCulture) > 0)
            {
                var verify = await section.Locator("code.verify").AllTextContentsAsync();
                Assert.True(verify.Count > 0 && verify.All(v => v.Trim().Length > 0), cause + " needs action but has no verify command");
            }
        }
    }

    [BrowserFact]
    public async Task The_failures_table_shows_the_failures_that_need_action_up_to_the_top_50()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var needsAction = await ReportDom.HeadlineAsync(report.Page, "needs-action");
        var rows = await ReportDom.RowsAsync(report.Page, "failures");

        Assert.Equal(Math.Min(needsAction, 50), rows.Length);
    }

    [BrowserFact]
    public async Task Every_data_table_has_a_caption_sortable_column_headers_a_named_filter_and_a_row_count()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var ids = await report.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.data')].map(t => t.id)");
        Assert.Contains("causes", ids);
        Assert.Contains("failures", ids);

        foreach (var id in ids)
        {
            var table = report.Page.Locator($"table.data#{id}");
            Assert.False(string.IsNullOrWhiteSpace(await table.Locator("caption").TextContentAsync()), id + " has no caption");
            var headers = table.Locator("thead th");
            Assert.Equal(await headers.CountAsync(), await table.Locator("thead th[scope=col] > button.sort[type=button]").CountAsync());
            Assert.Matches("^- searchbox \"[^\"]+\"", await report.Page.Locator($"input.filter[type=search][data-table={id}]").AriaSnapshotAsync());
            var rows = await table.Locator("tbody > tr").CountAsync();
            var count = report.Page.Locator($"p.row-count#{id}-count[role=status]");
            Assert.Equal($"{rows} of {rows} rows shown", (await count.TextContentAsync() ?? "").Trim());
        }

        output.WriteLine("tables: " + string.Join(", ", ids));
    }

    [BrowserFact]
    public async Task Without_javascript_the_report_still_shows_every_number()
    {
        await using var scripted = await reports.OpenAsync(reports.SamplesReport);
        await using var plain = await reports.OpenAsync(reports.SamplesReport, javaScript: false);

        foreach (var metric in new[] { "total", "needs-action", "benign", "resolved", "pending" })
        {
            Assert.Equal(await ReportDom.HeadlineAsync(scripted.Page, metric), await ReportDom.HeadlineAsync(plain.Page, metric));
        }

        Assert.Equal((await ReportDom.BarsAsync(scripted.Page)).Count, (await ReportDom.BarsAsync(plain.Page)).Count);
        foreach (var table in new[] { "trend-table", "causes", "failures" })
        {
            var shown = await plain.Page.Locator($"#{table} > tbody > tr").CountAsync();
            Assert.True(shown > 0, table + " is empty without JavaScript");
            Assert.Equal(await scripted.Page.Locator($"#{table} > tbody > tr").CountAsync(), shown);
        }

        plain.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task Policy_changes_are_marked_on_days_of_the_chart_and_the_footer_says_where_the_data_came_from()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var days = (await ReportDom.TrendTableAsync(report.Page)).Rows.Select(r => r.Day).ToList();
        var changes = report.Page.Locator("#trend-chart g.change");

        Assert.True(await changes.CountAsync() > 0, "the sample week has a policy change (CA002) but the chart marks none");
        foreach (var change in await changes.AllAsync())
        {
            Assert.Contains(await change.GetAttributeAsync("data-day"), days);
            Assert.Equal(1, await change.Locator("line").CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await change.Locator("text").TextContentAsync()));
        }

        var footer = await report.Page.Locator("footer#provenance").TextContentAsync() ?? "";
        Assert.Contains("signins.graph.json", footer, StringComparison.Ordinal);
        Assert.Matches(@"EntraStrongAuth \d+\.\d+\.\d+", footer);
    }
}
