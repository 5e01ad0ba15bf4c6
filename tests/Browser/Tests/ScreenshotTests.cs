using System.IO;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>Pictures of the reports for a human to look at (CI keeps them with the test results).</summary>
[Collection(SharedReports.Name)]
public sealed class ScreenshotTests(ReportFixture reports, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_sample_report_is_captured_light_dark_and_as_printed()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var page = report.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        AssertPng(await ShootAsync(page, "samples-light.png"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        AssertPng(await ShootAsync(page, "samples-dark.png"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        // Print layout as on A4 portrait paper (210 mm = 794 CSS px wide).
        await page.SetViewportSizeAsync(794, 1123);
        await report.EmulatePrintAsync();
        AssertPng(await ShootAsync(page, "samples-print.png"), minimumWidth: 794);

        var pdf = Path.Combine(reports.OutputFolder, "samples.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.True(bytes.Length > 10_000, $"{pdf} is only {bytes.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        output.WriteLine(pdf);
        report.AssertNothingWentWrong();
    }

    [BrowserFact]
    public async Task The_hostile_report_is_captured()
    {
        await using var report = await reports.OpenAsync(reports.HostileReport);
        // The window's width only: a value that fails to wrap would make the full width wider than Chromium can
        // capture; LayoutTests is the check for that.
        var height = await report.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        AssertPng(await ShootAsync(report.Page, "hostile.png", new Clip { X = 0, Y = 0, Width = 1280, Height = height }));
    }

    private async Task<string> ShootAsync(IPage page, string name, Clip? clip = null)
    {
        var path = Path.Combine(reports.OutputFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Clip = clip });
        output.WriteLine(path);
        return path;
    }

    /// <summary>A real full-page picture: PNG, at least the window's width (1280 px), taller than the window.</summary>
    private static void AssertPng(string path, int minimumWidth = 1280)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.True(width >= minimumWidth, $"{path}: {width} px wide");
        Assert.True(height > 1123, $"{path}: {width} x {height}, not the full page");
    }
}
