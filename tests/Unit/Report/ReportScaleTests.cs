using System;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Report;

/// <summary>The page stays small at tenant scale: aggregates and the top rows, the rest in the CSV beside it.</summary>
public class ReportScaleTests
{
    [Fact]
    public void A_hundred_thousand_failures_make_a_small_page_and_a_full_csv()
    {
        const int count = 100_000;
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var causes = Enum.GetValues<FailureCause>();
        var failures = Enumerable.Range(0, count).Select(i => new StrongAuthFailure(
            new FailureClassification(
                new SignInEvent { Id = "s" + i, CreatedDateTime = start.AddMinutes(i * 0.6), UserPrincipalName = "user" + (i % 5000) + "@contoso.com", AppDisplayName = "App " + (i % 300), ErrorCode = 50076 },
                null,
                causes[i % causes.Length],
                Confidence.High,
                new[] { new Evidence("status.errorCode", "50076", "MFA was demanded.") },
                new[] { "Fix it." }),
            FailureOutcome.Unresolved));

        using var run = ReportRun.Of(failures);

        var size = new FileInfo(run.Files[0]).Length;
        Assert.True(size < 400_000, "the page is " + size + " bytes");
        Assert.Equal(count, run.Metric("total"));
        Assert.Equal(count, run.Bars().Sum(bar => bar.Count));
        Assert.Equal(count + 1, File.ReadLines(Path.Combine(run.Folder, "report.failures.csv")).Count());
        Assert.Contains("(the top 50 of " + (count - (count / causes.Length)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "; all of them in", run.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_longer_than_a_quarter_is_drawn_by_week()
    {
        var start = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero); // a Monday
        var failures = Enumerable.Range(0, 200).Select(day => new StrongAuthFailure(
            new FailureClassification(new SignInEvent { Id = "d" + day, CreatedDateTime = start.AddDays(day), UserPrincipalName = "a@contoso.com", ErrorCode = 50074 }, null, FailureCause.PolicyStepUp, Confidence.High, Array.Empty<Evidence>(), Array.Empty<string>()),
            FailureOutcome.Unresolved)).ToList();

        using var run = ReportRun.Of(failures);

        var bars = run.Bars();
        Assert.Equal(29, bars.Count); // 200 days from a Monday: 28 full weeks and 4 days
        Assert.All(bars.Take(28), bar => Assert.Equal(7, bar.Count));
        Assert.Equal(4, bars[^1].Count);
        Assert.Equal("2026-01-12", bars[1].Day);
        Assert.Contains("failures per week", run.Html, StringComparison.Ordinal);
    }
}
