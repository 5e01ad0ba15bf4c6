using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Tests.Generator;
using Xunit;

namespace EntraStrongAuth.Tests.Report;

/// <summary>The report of the shipped sample week against the failures themselves, counted here independently.</summary>
public class ReportContentTests
{
    [Fact]
    public async Task The_headline_counts_each_failure_once_by_its_outcome()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        using var run = ReportRun.Of(failures);

        Assert.Equal(failures.Count, run.Metric("total"));
        Assert.Equal(failures.Count(f => f.IsBenign), run.Metric("benign"));
        Assert.Equal(failures.Count(f => !f.IsBenign && f.Resolution == "Resolved"), run.Metric("resolved"));
        Assert.Equal(failures.Count(f => !f.IsBenign && f.Resolution == "Unresolved"), run.Metric("needs-action"));
        Assert.Equal(failures.Count(f => !f.IsBenign && f.Resolution == "Pending"), run.Metric("pending"));
        Assert.True(run.Metric("benign") > 0, "the sample week has benign interrupts");
    }

    [Fact]
    public async Task The_trend_bars_hold_the_failures_of_each_day_and_cause()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        using var run = ReportRun.Of(failures);

        var expected = failures.GroupBy(f => (f.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Cause))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var bars = run.Bars();
        Assert.Equal(expected.Count, bars.Count);
        foreach (var bar in bars)
        {
            Assert.Equal(expected[(bar.Day, bar.Cause)], bar.Count);
        }

        Assert.Equal(failures.Count, bars.Sum(bar => bar.Count));

        // The text alternative: one row per day whose last cell is the day's total.
        var rows = Regex.Matches(run.Html, "<tr><th scope=\"row\">([0-9-]{10})</th>(.*?)</tr>");
        var perDay = failures.GroupBy(f => f.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, rows.Count);
        foreach (Match row in rows)
        {
            var cells = Regex.Matches(row.Groups[2].Value, "<td class=\"num\">(\\d+)</td>").Select(c => int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(perDay.GetValueOrDefault(row.Groups[1].Value), cells[^1]);
            Assert.Equal(cells[^1], cells.Take(cells.Count - 1).Sum());
        }
    }

    [Fact]
    public async Task Overlapping_input_is_counted_once_and_said()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        using var run = ReportRun.Of(failures.Concat(failures.Take(10)));

        Assert.Equal(failures.Count, run.Metric("total"));
        Assert.Contains("(10 repeated sign-ins counted once)", run.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_cause_names_its_accounts_fix_and_the_commands_that_diagnose_and_verify()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        using var run = ReportRun.Of(failures);

        var headless = failures.Where(f => f.Cause == nameof(FailureCause.HeadlessUserAccount)).ToList();
        var section = Regex.Match(run.Html, "<section class=\"cause\" id=\"cause-HeadlessUserAccount\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        var topAccount = headless.GroupBy(f => f.UserPrincipalName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).First();
        Assert.Contains("<li>" + topAccount.Key + " (" + topAccount.Count() + ")</li>", section, StringComparison.Ordinal);
        Assert.Contains(headless.Count + " failures, " + headless.Select(f => f.UserPrincipalName).Distinct().Count() + " accounts", section, StringComparison.Ordinal);
        Assert.Contains("<li>" + headless[0].Remedy[0], section, StringComparison.Ordinal);
        var latest = headless.OrderByDescending(f => f.CreatedDateTime).First();
        Assert.Contains("Debug-StrongAuthFailure -UserPrincipalName &#x27;" + latest.UserPrincipalName + "&#x27;", section, StringComparison.Ordinal);
        Assert.Contains("Test-StrongAuthRemediation -UserPrincipalName &#x27;" + latest.UserPrincipalName + "&#x27; -FixedAt", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_change_in_the_window_is_marked_with_what_it_rests_on()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        var changed = new StrongAuthPolicy("7a1b", "Require MFA for contractors", "enabled") { ModifiedDateTime = new DateTimeOffset(2026, 11, 18, 9, 30, 0, TimeSpan.Zero) };
        using var run = ReportRun.Of(failures.Cast<object>().Append(changed));

        Assert.Contains("<g class=\"change\" data-day=\"2026-11-18\">", run.Html, StringComparison.Ordinal);
        Assert.Contains("Conditional Access policy &#x27;Require MFA for contractors&#x27; was modified (now On), from the policy&#x27;s modifiedDateTime.", run.Html, StringComparison.Ordinal);

        // A policy the failures only show from a later day on is a step too, said as an inference from the logs.
        var firstDays = failures.SelectMany(f => f.ConditionalAccessPolicies.Select(p => (Policy: p, Day: f.CreatedDateTime.UtcDateTime.Date)))
            .GroupBy(x => x.Policy).ToDictionary(g => g.Key, g => g.Min(x => x.Day));
        var windowStart = failures.Min(f => f.CreatedDateTime.UtcDateTime.Date);
        var later = firstDays.Where(p => p.Value > windowStart).ToList();
        Assert.NotEmpty(later);
        foreach (var policy in later)
        {
            Assert.Contains("<g class=\"change\" data-day=\"" + policy.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\">", run.Html, StringComparison.Ordinal);
        }

        Assert.Equal(later.Count + 1, Regex.Count(run.Html, "<g class=\"change\""));
    }

    [Fact]
    public async Task Tables_longer_than_top_are_cut_and_every_row_goes_to_a_csv_beside_the_report()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        var headless = await ReportRun.SampleHeadlessAsync();
        Assert.True(headless.Count > 2);
        using var run = ReportRun.Of(failures.Cast<object>().Concat(headless), top: 2);

        var failureCsv = CsvTable.Read(Path.Combine(run.Folder, "report.failures.csv"));
        Assert.Equal(failures.Count, failureCsv.Rows.Count);
        Assert.Equal(failures.Select(f => f.SignInId).OrderBy(id => id, StringComparer.Ordinal), failureCsv.Rows.Select(r => r[failureCsv.Header.ToList().IndexOf("SignInId")]).OrderBy(id => id, StringComparer.Ordinal));
        var headlessCsv = CsvTable.Read(Path.Combine(run.Folder, "report.headless.csv"));
        Assert.Equal(headless.Count, headlessCsv.Rows.Count);
        Assert.Contains("(the top 2 of " + headless.Count + "; all of them in <a href=\"./report.headless.csv\">report.headless.csv</a>)", run.Html, StringComparison.Ordinal);
        Assert.Equal(new[] { "report.html", "report.failures.csv", "report.causes.csv", "report.headless.csv" }.OrderBy(n => n, StringComparer.Ordinal), run.Files.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(run.Folder, "*.partial"));
    }

    [Fact]
    public async Task A_short_input_writes_the_page_alone_and_leaves_nothing_behind()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        using var run = ReportRun.Of(failures, top: 1000);

        Assert.Equal(new[] { "report.html" }, Directory.GetFiles(run.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_summary_alone_gives_the_headline_and_says_why_there_is_no_trend()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        var builder = new StrongAuthSummaryBuilder();
        foreach (var failure in failures)
        {
            builder.Add(failure);
        }

        var summary = builder.Build();
        using var run = ReportRun.Of(new object[] { summary });

        Assert.Equal(summary.Total, run.Metric("total"));
        Assert.Equal(summary.Unresolved, run.Metric("needs-action"));
        Assert.Equal(summary.Benign, run.Metric("benign"));
        Assert.Empty(run.Bars());
        Assert.Contains("Only a summary was given, which has no days", run.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_that_is_not_a_result_is_refused()
    {
        using var report = new EntraStrongAuth.Engine.Application.Report.StrongAuthReport(new EntraStrongAuth.Engine.Application.Report.StrongAuthReportOptions { Path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".html") });

        Assert.False(report.Add("a string"));
        Assert.False(report.Add(42));
        Assert.False(report.Add(null));
    }
}
