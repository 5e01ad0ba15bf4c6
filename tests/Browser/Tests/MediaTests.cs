using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The report follows the reader's colour scheme and prints complete.</summary>
[Collection(SharedReports.Name)]
public sealed class MediaTests(ReportFixture reports, ITestOutputHelper output)
{
    private const string PageBackground =
        "() => [document.body, document.documentElement].map(e => getComputedStyle(e).backgroundColor)"
        + ".find(c => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') ?? 'transparent'";

    [BrowserFact]
    public async Task A_dark_colour_scheme_changes_the_page_background()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        await report.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        var light = await report.Page.EvaluateAsync<string>(PageBackground);
        await report.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        var dark = await report.Page.EvaluateAsync<string>(PageBackground);

        Assert.NotEqual("transparent", dark);
        Assert.NotEqual(light, dark);
        output.WriteLine($"background: light {light}, dark {dark}");
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task Printing_hides_the_filters_and_opens_every_details()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var filters = report.Page.Locator("input.filter");
        var filterCount = await filters.CountAsync();
        Assert.True(filterCount > 0, "the report has no filter inputs");
        Assert.True(await filters.First.IsVisibleAsync(), "the filters are hidden on screen too");

        await report.EmulatePrintAsync();

        for (var i = 0; i < filterCount; i++)
        {
            Assert.False(await filters.Nth(i).IsVisibleAsync(), $"filter {i} is visible in print");
        }

        var closed = await report.Page.Locator("details:not([open])").CountAsync();
        var details = await report.Page.Locator("details").CountAsync();
        Assert.Equal(0, closed);
        output.WriteLine($"print: {filterCount} filters hidden, {details} details open");
        report.AssertNothingWentWrong();
    }
}
