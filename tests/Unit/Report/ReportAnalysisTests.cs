using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Report;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Tests.Application;
using Xunit;

namespace EntraStrongAuth.Tests.Report;

/// <summary>The report's own analysis: one read feeding both analyses gives what the two commands give separately.</summary>
public class ReportAnalysisTests
{
    [Fact]
    public async Task One_read_gives_the_failures_with_benign_interrupts_and_the_headless_accounts_of_the_two_commands()
    {
        var failures = await ReportRun.SampleFailuresAsync();
        var headless = await ReportRun.SampleHeadlessAsync();
        var folder = Directory.CreateTempSubdirectory("esa-analysis-").FullName;
        try
        {
            var host = new RecordingRunHost();
            using var report = new StrongAuthReport(new StrongAuthReportOptions { Path = Path.Combine(folder, "r.html") });
            var analysis = new ReportAnalysis(report, new SignInFilterOptions(), null, host);
            await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { ReportRun.SamplesFile }, analysis.ObserveAsync, CancellationToken.None);
            await analysis.CompleteAsync(null, fromFiles: true, CancellationToken.None);

            Assert.Empty(host.Output);
            Assert.Equal(failures.Count, report.Content.Failures.Total);
            Assert.Equal(failures.Count(f => f.IsBenign), report.Content.Failures.Benign);
            Assert.Equal(headless.Select(h => h.User + h.Score).OrderBy(x => x, System.StringComparer.Ordinal), report.Content.Headless.Select(h => h.User + h.Score).OrderBy(x => x, System.StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task What_the_analyses_warn_about_thin_input_is_on_the_page_too()
    {
        // The admin center's CSV download lacks the Conditional Access details some rules need.
        var thin = Path.Combine(Path.GetDirectoryName(ReportRun.SamplesFile)!, "signins.admin.csv");
        var folder = Directory.CreateTempSubdirectory("esa-analysis-").FullName;
        try
        {
            var host = new RecordingRunHost();
            using var report = new StrongAuthReport(new StrongAuthReportOptions { Path = Path.Combine(folder, "r.html") });
            var analysis = new ReportAnalysis(report, new SignInFilterOptions(), null, host);
            await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { thin }, analysis.ObserveAsync, CancellationToken.None);
            await analysis.CompleteAsync(null, fromFiles: true, CancellationToken.None);

            Assert.NotEmpty(host.Warnings);
            Assert.All(host.Warnings, warning => Assert.Contains(warning, report.Content.Notes));
            Assert.True(report.Content.Failures.MissingEvidence > 0);
            report.Write();
            var html = File.ReadAllText(Path.Combine(folder, "r.html"));
            Assert.All(host.Warnings, warning => Assert.Contains(HtmlBuilder.Encode(warning), html, System.StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
