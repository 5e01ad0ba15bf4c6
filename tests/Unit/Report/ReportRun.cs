using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Application.Report;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Tests.Application;

namespace EntraStrongAuth.Tests.Report;

/// <summary>Writes a report into a fresh folder and reads back what a browser would get, for assertions.</summary>
internal sealed class ReportRun : IDisposable
{
    public static readonly string SamplesFile = Path.Combine(RepositoryFolder.Root(), "samples", "signins", "signins.graph.json");

    private ReportRun(string folder, IReadOnlyList<string> files)
    {
        Folder = folder;
        Files = files;
        Html = File.ReadAllText(files[0]);
    }

    public string Folder { get; }

    public IReadOnlyList<string> Files { get; }

    public string Html { get; }

    public static ReportRun Of(IEnumerable<object> items, int top = 50, Action<StrongAuthReportOptions>? options = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "esa-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var reportOptions = new StrongAuthReportOptions { Path = Path.Combine(folder, "report.html"), Top = top, ModuleVersion = "9.9.9" };
        options?.Invoke(reportOptions);
        using var report = new StrongAuthReport(reportOptions);
        foreach (var item in items)
        {
            if (!report.Add(item))
            {
                throw new InvalidOperationException("The report refused " + item.GetType().Name);
            }
        }

        return new ReportRun(folder, report.Write());
    }

    /// <summary>The samples' failures, benign interrupts included, as Get-StrongAuthFailure -IncludeBenign gives them.</summary>
    public static async Task<List<StrongAuthFailure>> SampleFailuresAsync()
    {
        var host = new RecordingRunHost();
        var analysis = new FailureAnalysis(new FailureAnalysisOptions { IncludeBenign = true }, host);
        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { SamplesFile }, analysis.ObserveAsync, CancellationToken.None);
        await analysis.CompleteAsync();
        return host.Output.OfType<StrongAuthFailure>().ToList();
    }

    public static async Task<List<HeadlessFinding>> SampleHeadlessAsync()
    {
        var host = new RecordingRunHost();
        var search = new HeadlessSearch(new HeadlessSearchOptions(), host);
        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { SamplesFile }, search.ObserveAsync, CancellationToken.None);
        await search.CompleteAsync();
        return host.Output.OfType<HeadlessFinding>().ToList();
    }

    /// <summary>The headline number named <paramref name="metric"/> (data-metric), thousands separators removed.</summary>
    public long Metric(string metric) =>
        long.Parse(Regex.Match(Html, "<dd data-metric=\"" + metric + "\">([0-9,]+)</dd>").Groups[1].Value.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every chart bar as (day, cause, count).</summary>
    public List<(string Day, string Cause, long Count)> Bars() =>
        Regex.Matches(Html, "<rect class=\"bar k\\d\"[^>]*data-day=\"([0-9-]+)\" data-cause=\"(\\w+)\" data-count=\"(\\d+)\"")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, long.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
