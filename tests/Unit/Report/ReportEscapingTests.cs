using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Report;

/// <summary>
/// Log text is attacker-controlled: whatever a user agent, app name, user name or failure reason holds must reach the
/// page as text. The browser tests (tests/Browser) prove nothing runs; these check the markup itself.
/// </summary>
public class ReportEscapingTests
{
    private static readonly string[] Payloads =
    {
        "<script>window.__pwned=1</script>",
        "\"><img src=x onerror=\"window.__pwned=1\">",
        "'><svg onload='window.__pwned=1'>",
        "</script><script>window.__pwned=1</script>",
        "<!--",
        "javascript:window.__pwned=1",
        "line\u2028break",
    };

    [Fact]
    public void Every_value_from_a_log_is_encoded_and_no_markup_of_it_survives()
    {
        using var run = ReportRun.Of(HostileFailures());
        var html = run.Html;

        Assert.DoesNotContain("window.__pwned=1</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u2028", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;", html, StringComparison.Ordinal);

        // The page's own two blocks are the only script and style elements, and nothing carries a handler, an inline
        // style or a link made from a value.
        Assert.Equal(1, Regex.Count(html, "<script\\b", RegexOptions.IgnoreCase));
        Assert.Equal(1, Regex.Count(html, "<style\\b", RegexOptions.IgnoreCase));
        Assert.DoesNotMatch(new Regex("<[^>]*\\s(on\\w+|style)\\s*=", RegexOptions.IgnoreCase), html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.Matches("^(#[\\w-]+|\\./[\\w.%-]+)$", href));
    }

    [Fact]
    public void The_policy_admits_only_the_pages_own_blocks_and_no_network()
    {
        using var first = ReportRun.Of(HostileFailures());
        using var second = ReportRun.Of(HostileFailures());

        var policy = Regex.Match(first.Html, "^<!DOCTYPE html>\\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");
        Assert.True(policy.Success, "the policy is the first thing after the character set");
        var nonce = Regex.Match(policy.Groups[1].Value, "script-src &#x27;nonce-([A-Za-z0-9_-]+)&#x27;").Groups[1].Value;
        Assert.Equal("default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; img-src data:; base-uri 'none'; form-action 'none'", System.Net.WebUtility.HtmlDecode(policy.Groups[1].Value));
        Assert.Matches("<style nonce=\"" + Regex.Escape(nonce) + "\">", first.Html);
        Assert.Matches("<script nonce=\"" + Regex.Escape(nonce) + "\">", first.Html);
        Assert.DoesNotContain(nonce, second.Html, StringComparison.Ordinal);
        Assert.True(nonce.Length >= 24);
    }

    [Fact]
    public void The_csv_beside_the_report_keeps_log_text_from_becoming_a_formula()
    {
        var failures = HostileFailures().ToList();
        using var run = ReportRun.Of(failures, top: 1);

        var csv = Generator.CsvTable.Read(System.IO.Path.Combine(run.Folder, "report.failures.csv"));
        var apps = csv.Rows.Select(row => row[csv.Header.ToList().IndexOf("AppDisplayName")]).ToList();
        Assert.Contains("'=HYPERLINK(\"http://x\")", apps);
        Assert.Equal(failures.Count, csv.Rows.Count);
    }

    internal static IEnumerable<StrongAuthFailure> HostileFailures()
    {
        var start = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var values = Payloads.Append("=HYPERLINK(\"http://x\")").ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var signIn = new SignInEvent
            {
                Id = "hostile-" + i,
                CreatedDateTime = start.AddHours(i),
                UserPrincipalName = values[i] + "@contoso.com",
                AppDisplayName = values[i],
                UserAgent = values[i],
                FailureReason = values[i],
                ErrorCode = 50076,
            };
            var evidence = new[] { new Evidence("userAgent", values[i], "The user agent " + values[i] + " is a script.") };
            yield return new StrongAuthFailure(new FailureClassification(signIn, null, FailureCause.HeadlessUserAccount, Confidence.High, evidence, new[] { "Move " + values[i] + " to a managed identity." }) { ConditionalAccessPolicies = new[] { values[i] } }, FailureOutcome.Unresolved);
        }
    }
}
