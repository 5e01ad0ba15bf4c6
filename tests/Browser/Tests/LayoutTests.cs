using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The report reads in an ordinary 1280 px window: long names and evidence wrap instead of widening the page.</summary>
[Collection(SharedReports.Name)]
public sealed class LayoutTests(ReportFixture reports, ITestOutputHelper output)
{
    /// <summary>
    /// The innermost elements whose content is wider than the window (text that does not wrap overflows its element,
    /// so the element's own box can look fine), leaving out those inside a scroll box (a wide table may scroll
    /// within its box): tag, the section it is in, the start of its text.
    /// </summary>
    private const string Overflow =
        """
        () => {
          const width = document.documentElement.clientWidth;
          const clips = e => getComputedStyle(e).overflowX !== 'visible';
          const inScrollBox = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (clips(p)) return true; } return false; };
          const wide = e => !inScrollBox(e)
            && (e.getBoundingClientRect().right > width + 1 || (e.scrollWidth > width + 1 && !clips(e)));
          return [...document.querySelectorAll('body *')]
            .filter(e => wide(e) && ![...e.children].some(wide))
            .map(e => e.tagName.toLowerCase() + ' in ' + (e.closest('section[id]')?.id ?? 'body')
              + ' (' + e.scrollWidth + ' px): "' + (e.textContent || '').trim().slice(0, 30) + '"')
            .slice(0, 10);
        }
        """;

    [BrowserFact]
    public Task The_sample_report_fits_a_1280_px_window_without_horizontal_scrolling() => AssertFits(reports.SamplesReport);

    [BrowserFact]
    public Task The_hostile_report_with_a_10_KB_value_fits_a_1280_px_window_without_horizontal_scrolling() => AssertFits(reports.HostileReport);

    /// <summary>A4 portrait is 210 mm, 794 CSS px: what is wider than the paper is cut off on it.</summary>
    [BrowserFact]
    public Task The_sample_report_printed_on_A4_fits_the_paper_width() => AssertFits(reports.SamplesReport, print: true);

    private async Task AssertFits(string file, bool print = false)
    {
        await using var report = await reports.OpenAsync(file);
        if (print)
        {
            await report.Page.SetViewportSizeAsync(794, 1123);
            await report.EmulatePrintAsync();
        }

        var scrollWidth = await report.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var clientWidth = await report.Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        var offenders = await report.Page.EvaluateAsync<string[]>(Overflow);

        output.WriteLine($"page {scrollWidth} px wide in a {clientWidth} px window");
        Assert.True(scrollWidth <= clientWidth, $"the page is {scrollWidth} px wide in a {clientWidth} px window; sticking out: {string.Join("; ", offenders)}");
    }
}
