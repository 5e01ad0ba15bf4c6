using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using EntraStrongAuth.BrowserTests.Reports;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>
/// Sign-in text is attacker-controlled (a user agent, an app name, a display name): in the report it must stay text.
/// Every payload sets window.__pwned if it ever runs.
/// </summary>
[Collection(SharedReports.Name)]
public sealed class InjectionTests(ReportFixture reports, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Hostile_sign_in_text_never_runs_through_load_sort_filter_and_print()
    {
        await using var report = await reports.OpenAsync(reports.HostileReport);
        Assert.False(await report.WasPwnedAsync(), "a payload ran on load");

        foreach (var button in await report.Page.Locator("#failures thead button.sort").AllAsync())
        {
            await button.ClickAsync();
        }

        Assert.False(await report.WasPwnedAsync(), "a payload ran when sorting");
        await report.Page.Locator("input.filter[data-table=failures]").PressSequentiallyAsync("<script>");
        Assert.False(await report.WasPwnedAsync(), "a payload ran when filtering");
        await report.EmulatePrintAsync();
        Assert.False(await report.WasPwnedAsync(), "a payload ran when printing");

        // Text that stays text is not blocked by the policy either: a CSP error would mean a payload became markup.
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task Hostile_sign_in_text_shows_literally_in_the_failures_table_and_title()
    {
        await using var report = await reports.OpenAsync(reports.HostileReport);
        var cells = await report.Page.Locator("#failures > tbody > tr > *").AllTextContentsAsync();

        foreach (var payload in HostileSignIns.Payloads)
        {
            Assert.True(cells.Any(c => c.Contains(payload, System.StringComparison.Ordinal)), "no failures cell shows " + payload);
        }

        Assert.Contains(cells, c => c.Contains(HostileSignIns.LongText[..64], System.StringComparison.Ordinal));
        Assert.Equal(HostileSignIns.Title, (await report.Page.Locator("h1").TextContentAsync() ?? "").Trim());
        output.WriteLine($"{HostileSignIns.Payloads.Count} payloads shown as text; report {new System.IO.FileInfo(reports.HostileReport).Length} bytes");
    }

    [BrowserFact]
    public async Task Hostile_sign_in_text_adds_no_element_link_or_script()
    {
        await using var report = await reports.OpenAsync(reports.HostileReport);
        var page = report.Page;

        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img:not([src^='data:']), iframe, object, embed, form, base").CountAsync());
        var links = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[href], [src], [action], [xlink\\\\:href]')].map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? '')");
        Assert.DoesNotContain(links, l => l.Trim().StartsWith("javascript:", System.StringComparison.OrdinalIgnoreCase));
    }
}
