using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Accuracy;

/// <summary>
/// The whole offline path (reader + classifier + linker) against the generator's ground truth, on a seed that is not
/// the committed sample's: per-cause precision and recall must be at least 0.95. The matrix is printed to the test
/// output and written to out/TestResults/accuracy.md (copied into docs/accuracy.md).
/// </summary>
public sealed class ClassificationAccuracyTests : IDisposable
{
    private const int FreshSeed = 20261129;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-accuracy-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public ClassificationAccuracyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Every_cause_has_precision_and_recall_of_at_least_95_percent_on_a_fresh_seed()
    {
        var options = new GeneratorOptions { Seed = FreshSeed, Users = 150, Days = 14, OutputDirectory = _folder, Formats = new[] { OutputFormat.Named("graph-json") } };
        GeneratorRun.Run(options);
        var truth = File.ReadLines(Path.Combine(_folder, "truth.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0].Trim('"'), cells => cells[2].Trim('"'), StringComparer.Ordinal);

        var found = Analyze(Path.Combine(_folder, OutputFormat.Named("graph-json").FileName), options.End);
        var matrix = new ConfusionMatrix();
        foreach (var (id, trueCause) in truth)
        {
            matrix.Add(trueCause, found.TryGetValue(id, out var cause) ? cause : "(not reported)");
        }

        var report = "Seed " + FreshSeed + ", " + options.Users + " users, " + options.Days + " days, " + matrix.Total + " failures.\n\n" + matrix.ToMarkdown();
        _output.WriteLine(report);
        AccuracyReport.Write("accuracy.md", report);
        Assert.Equal(truth.Count, found.Count);
        foreach (var cause in matrix.Causes)
        {
            Assert.True(matrix.Precision(cause) >= 0.95, cause + " precision " + matrix.Precision(cause) + "\n" + report);
            Assert.True(matrix.Recall(cause) >= 0.95, cause + " recall " + matrix.Recall(cause) + "\n" + report);
        }
    }

    private static Dictionary<string, string> Analyze(string file, DateTime end)
    {
        var analyzer = new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { IncludeBenign = true, Now = new DateTimeOffset(end.AddDays(1), TimeSpan.Zero) });
        var failures = new List<StrongAuthFailure>();
        foreach (var item in SignInLogReader.ReadFile(file, SignInLogFormat.Auto, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            failures.AddRange(analyzer.Observe(item.SignIn!));
        }

        failures.AddRange(analyzer.Complete());
        return failures.ToDictionary(f => f.SignInId!, f => f.Cause.ToString(), StringComparer.Ordinal);
    }
}
