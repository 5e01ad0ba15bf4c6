using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>
/// One report open in its own browser context, with everything the page did on the side recorded: console errors
/// (CSP violations land there too), uncaught script errors and every request it made.
/// </summary>
public sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];
    private readonly List<string> pageErrors = [];
    private readonly List<string> requests = [];

    private ReportPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors) { consoleErrors.Add(message.Text); }
            }
        };
        page.PageError += (_, error) => { lock (pageErrors) { pageErrors.Add(error); } };
        page.Request += (_, request) => { lock (requests) { requests.Add(request.Url); } };
    }

    public IPage Page { get; }

    /// <summary>Milliseconds from navigation start to the end of DOMContentLoaded, as the page itself measured.</summary>
    public double DomContentLoadedMilliseconds { get; private set; }

    public static async Task<ReportPage> OpenAsync(IBrowserContext context, string report)
    {
        var page = new ReportPage(context, await context.NewPageAsync());
        await page.Page.GotoAsync(new Uri(report).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Playwright's own evaluation runs even with the page's JavaScript off (it is not the page's script).
        page.DomContentLoadedMilliseconds = await page.Page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
        return page;
    }

    /// <summary>True once anything set window.__pwned, the flag every hostile payload would set if it ran.</summary>
    public Task<bool> WasPwnedAsync() => Page.EvaluateAsync<bool>("() => typeof window.__pwned !== 'undefined'");

    /// <summary>No console error, no uncaught script error, no request for anything but the file itself.</summary>
    public void AssertNothingWentWrong()
    {
        lock (consoleErrors) { Assert.Empty(consoleErrors); }
        lock (pageErrors) { Assert.Empty(pageErrors); }
        lock (requests)
        {
            Assert.NotEmpty(requests);
            Assert.DoesNotContain(requests, url => !IsLocal(url));
        }
    }

    public IReadOnlyList<string> Requests
    {
        get { lock (requests) { return [.. requests]; } }
    }

    /// <summary>The page as printed: print media plus the beforeprint event a real print dialog sends first.</summary>
    public async Task EmulatePrintAsync()
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private static bool IsLocal(string url) =>
        url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("about:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal);
}
