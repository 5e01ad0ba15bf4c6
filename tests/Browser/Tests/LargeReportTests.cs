using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using EntraStrongAuth.BrowserTests.Reports;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>100,000 failures: the page stays small enough to mail and quick to open; the full list goes to a CSV.</summary>
[Collection(SharedReports.Name)]
public sealed class LargeReportTests(ReportFixture reports, ITestOutputHelper output)
{
    private const long MaximumHtmlBytes = 1_500_000;

    [BrowserFact]
    public async Task A_100000_failure_report_stays_small_puts_every_failure_in_the_csv_and_opens_quickly()
    {
        var html = new FileInfo(reports.LargeReport);
        var csv = new FileInfo(Path.Combine(html.DirectoryName!, "large.failures.csv"));
        Assert.True(html.Length < MaximumHtmlBytes, $"the report is {html.Length} bytes");
        Assert.True(csv.Exists, csv.FullName + " is missing");
        Assert.Equal(LargeSignIns.Failures, CsvRecords.CountDataRecords(csv.FullName));

        var clock = Stopwatch.StartNew();
        await using var report = await reports.OpenAsync(reports.LargeReport);
        var opened = clock.ElapsedMilliseconds;

        Assert.Equal(LargeSignIns.Failures, await ReportDom.HeadlineAsync(report.Page, "total"));
        var shownRows = await report.Page.Locator("#failures > tbody > tr").CountAsync();
        Assert.InRange(shownRows, 1, 50);
        // A sanity bound on a shared 2-core machine, not a benchmark.
        Assert.True(report.DomContentLoadedMilliseconds < 3000, $"DOMContentLoaded after {report.DomContentLoadedMilliseconds} ms");
        report.AssertNothingWentWrong();
        output.WriteLine($"{html.Length:N0} bytes of HTML ({shownRows} failure rows), {csv.Length:N0} bytes of CSV; "
            + $"DOMContentLoaded {report.DomContentLoadedMilliseconds:N0} ms, opened (load event) in {opened:N0} ms");
    }
}
