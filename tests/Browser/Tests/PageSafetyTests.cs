using System.Threading.Tasks;
using EntraStrongAuth.BrowserTests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.BrowserTests.Tests;

/// <summary>The report is a closed page: its policy forbids anything but its own script and style, and it asks for nothing.</summary>
[Collection(SharedReports.Name)]
public sealed class PageSafetyTests(ReportFixture reports, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_content_security_policy_comes_first_and_allows_only_the_nonced_script_and_style()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        var head = await report.Page.EvaluateAsync<string[]>(
            "() => [...document.head.children].slice(0, 2).map(e => e.outerHTML)");
        var policy = await report.Page.Locator("head > meta[http-equiv=Content-Security-Policy]").GetAttributeAsync("content") ?? "";

        Assert.StartsWith("<meta charset=", head[0], System.StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<meta http-equiv=\"Content-Security-Policy\"", head[1], System.StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, System.StringComparison.Ordinal);
        Assert.Matches("script-src 'nonce-[^' ]+'", policy);
        Assert.Matches("style-src 'nonce-[^' ]+'", policy);
        Assert.Contains("base-uri 'none'", policy, System.StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", policy, System.StringComparison.Ordinal);
        Assert.Equal("en", await report.Page.Locator("html").GetAttributeAsync("lang"));
        output.WriteLine(policy);
    }

    [BrowserFact]
    public async Task Loading_sorting_filtering_and_printing_log_no_error_and_request_nothing_but_the_file()
    {
        await using var report = await reports.OpenAsync(reports.SamplesReport);
        await report.Page.Locator("#causes thead button.sort").First.ClickAsync();
        await report.Page.Locator("#failures thead button.sort").Nth(1).ClickAsync();
        await report.Page.Locator("input.filter[data-table=failures]").PressSequentiallyAsync("contoso");
        await report.EmulatePrintAsync();

        report.AssertNothingWentWrong();
        output.WriteLine("requests: " + string.Join(", ", report.Requests));
    }

    [BrowserFact]
    public Task No_element_of_the_sample_report_has_a_style_or_event_handler_attribute() => AssertNoInlineStyleOrHandler(reports.SamplesReport);

    [BrowserFact]
    public Task No_element_of_the_hostile_report_has_a_style_or_event_handler_attribute() => AssertNoInlineStyleOrHandler(reports.HostileReport);

    /// <summary>Under the policy a style= or on…= attribute is blocked anyway; one present means markup leaked or was emitted.</summary>
    private async Task AssertNoInlineStyleOrHandler(string file)
    {
        await using var report = await reports.OpenAsync(file);
        var offenders = await report.Page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
              .filter(a => a.name === 'style' || a.name.startsWith('on'))
              .map(a => e.tagName + ' ' + a.name + '=' + a.value.slice(0, 60)))
            """);
        var elements = await report.Page.EvaluateAsync<int>("() => document.querySelectorAll('*').length");

        Assert.Empty(offenders);
        Assert.True(elements > 50, $"only {elements} elements: the report looks empty");
    }
}
