using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Reports;
using EntraStrongAuth.Tests;
using EntraStrongAuth.Tests.Hostile.BuiltModule;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>
/// Once per run: writes the sign-in inputs, has the built module write the three reports in a fresh pwsh, and
/// starts Chromium. Everything lands in <see cref="OutputFolder"/> (the run prints where).
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private readonly IMessageSink diagnostics;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ReportFixture(IMessageSink diagnostics)
    {
        this.diagnostics = diagnostics;
        OutputFolder = Environment.GetEnvironmentVariable("ENTRASTRONGAUTH_BROWSER_OUTPUT") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(RepositoryFolder.Root(), "out", "TestResults", "browser");
    }

    /// <summary>ENTRASTRONGAUTH_BROWSER_OUTPUT, else out/TestResults/browser in the checkout.</summary>
    public string OutputFolder { get; }

    /// <summary>The report of the shipped sample week (samples/signins/signins.graph.json).</summary>
    public string SamplesReport => Path.Combine(OutputFolder, "samples.html");

    /// <summary>The report of <see cref="HostileSignIns"/>, titled <see cref="HostileSignIns.Title"/>.</summary>
    public string HostileReport => Path.Combine(OutputFolder, "hostile.html");

    /// <summary>The report of <see cref="LargeSignIns"/> (100,000 failures).</summary>
    public string LargeReport => Path.Combine(OutputFolder, "large.html");

    public IBrowser Browser => browser ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // Locally every test is skipped (BrowserFact); on CI every test fails with the reason.
            if (Chromium.MustRun)
            {
                throw new InvalidOperationException(Chromium.MissingMessage);
            }

            return;
        }

        Directory.CreateDirectory(OutputFolder);
        Say("Browser test output: " + OutputFolder);
        if (Environment.GetEnvironmentVariable("ENTRASTRONGAUTH_BROWSER_REPORTS") is { Length: > 0 } existing)
        {
            // For iterating on the tests: reuse reports written before (samples/hostile/large.html in that folder).
            foreach (var name in new[] { "samples.html", "hostile.html", "large.html", "large.failures.csv" })
            {
                File.Copy(Path.Combine(existing, name), Path.Combine(OutputFolder, name), overwrite: true);
            }
        }
        else
        {
            WriteReports();
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.LaunchArguments,
        });
        Say("Chromium " + browser.Version + " from " + Chromium.ExecutablePath);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();

        // About 145 MB once its test has counted it; the reports and pictures are what is worth keeping.
        File.Delete(Path.Combine(OutputFolder, "large.failures.csv"));
    }

    /// <summary>
    /// A page of its own context, 1280 px wide, recording console errors, page errors and requests; without
    /// JavaScript when asked (mail clients and locked-down viewers block scripts).
    /// </summary>
    public async Task<ReportPage> OpenAsync(string report, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScript,
        });
        return await ReportPage.OpenAsync(context, report);
    }

    private void WriteReports()
    {
        var root = RepositoryFolder.Root();
        var module = Environment.GetEnvironmentVariable("ENTRASTRONGAUTH_TEST_MODULE") is { Length: > 0 } manifest
            ? manifest
            : Path.Combine(root, "out", "EntraStrongAuth", "EntraStrongAuth.psd1");
        var samples = Path.Combine(root, "samples", "signins", "signins.graph.json");
        var hostile = Path.Combine(OutputFolder, "hostile.signins.json");
        var large = Path.Combine(OutputFolder, "large.signins.json");
        // Reports of an earlier run must not pass for this run's.
        foreach (var stale in Directory.EnumerateFiles(OutputFolder, "*.html").Concat(Directory.EnumerateFiles(OutputFolder, "*.csv")))
        {
            File.Delete(stale);
        }

        HostileSignIns.Write(samples, hostile);
        LargeSignIns.Write(large);

        var script = Path.Combine(AppContext.BaseDirectory, "New-BrowserReports.ps1");
        var run = ChildPwsh.Run(
            script,
            ["-ModuleManifest", module, "-OutputFolder", OutputFolder, "-SamplesSignIns", samples, "-HostileSignIns", hostile,
             "-HostileTitle", HostileSignIns.Title, "-LargeSignIns", large],
            TimeSpan.FromMinutes(10),
            memoryCap: 8L << 30);
        Say("Reports written by " + module + " in " + run.Elapsed.TotalSeconds.ToString("N1", System.Globalization.CultureInfo.InvariantCulture)
            + " s (peak " + (run.PeakRssBytes >> 20) + " MB):" + Environment.NewLine + run.Output.TrimEnd() + run.Error.TrimEnd());
        if (run.TimedOut || run.OverMemoryCap || !File.Exists(SamplesReport) || !File.Exists(HostileReport) || !File.Exists(LargeReport))
        {
            throw new InvalidOperationException("The built module did not write the reports (timed out: " + run.TimedOut
                + ", over the memory cap: " + run.OverMemoryCap + "). pwsh said:" + Environment.NewLine + run.Output + run.Error);
        }

        // The inputs are big (the large one near 60 MB) and can be rewritten any time; the reports are the artifacts.
        File.Delete(large);
    }

    private void Say(string message) => diagnostics.OnMessage(new DiagnosticMessage(message));
}
