using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.Tests.Accuracy;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>
/// Headless scoring against the generator's --headless deck on a seed the weights were not tuned on: per user,
/// precision at least 0.95 and recall at least 0.9 at the default MinimumScore. The report is printed to the test
/// output and written to out/TestResults/headless-accuracy.md (copied into docs/headless-accuracy.md).
/// </summary>
public sealed class HeadlessAccuracyTests : IDisposable
{
    /// <summary>Not the seed the signals were tuned on (7); picked before the first run and never changed.</summary>
    private const int FreshSeed = 20261201;
    private const int Users = 180;
    private const int Days = 14;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-headless-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public HeadlessAccuracyTests(ITestOutputHelper output)
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
    public void Per_user_precision_is_at_least_95_percent_and_recall_at_least_90_percent_on_a_fresh_seed()
    {
        var (matrix, report) = Measure(FreshSeed);
        _output.WriteLine(report);
        AccuracyReport.Write("headless-accuracy.md", report);
        Assert.True(matrix.Precision("headless") >= 0.95, "precision " + matrix.Precision("headless") + "\n" + report);
        Assert.True(matrix.Recall("headless") >= 0.9, "recall " + matrix.Recall("headless") + "\n" + report);
    }

    private (ConfusionMatrix Matrix, string Report) Measure(int seed)
    {
        var options = new GeneratorOptions { Seed = seed, Users = Users, Days = Days, Headless = true, OutputDirectory = _folder, Formats = new[] { OutputFormat.Named("graph-json") } };
        GeneratorRun.Run(options);
        var truth = File.ReadLines(Path.Combine(_folder, HeadlessTruthWriter.FileName)).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0], cells => (User: cells[0], Persona: cells[2], Headless: cells[3] == "true"), StringComparer.OrdinalIgnoreCase);

        // Every user's score (MinimumScore 0) so the report shows the margins; flagged means at the default threshold.
        var threshold = new HeadlessScoringOptions().MinimumScore;
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0 });
        foreach (var item in SignInLogReader.ReadFile(Path.Combine(_folder, OutputFormat.Named("graph-json").FileName), SignInLogFormat.Auto, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            scorer.Add(item.SignIn!);
        }

        var found = scorer.Findings().ToDictionary(f => f.User, StringComparer.OrdinalIgnoreCase);
        var matrix = new ConfusionMatrix();
        var wrong = new List<string>();
        foreach (var (user, answer) in truth)
        {
            var flagged = found.TryGetValue(user, out var finding) && finding.Score >= threshold;
            matrix.Add(answer.Headless ? "headless" : "person", flagged ? "headless" : "person");
            if (flagged != answer.Headless)
            {
                wrong.Add("- " + user + " (" + answer.Persona + "): " + "score " + (finding?.Score ?? 0) + ": " + (finding is null ? "no sign-ins" : string.Join("; ", finding.Evidence)));
            }
        }

        var personas = truth.Values.GroupBy(t => t.Persona).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => "| " + g.Key + " | " + (g.First().Headless ? "yes" : "no") + " | " + g.Count() + " | " + Range(g.Select(t => t.User), found) + " |");
        var report = string.Format(CultureInfo.InvariantCulture,
            "Seed {0}, {1} users ({2} headless, {3} people), {4} days, default MinimumScore {5}, per user.\n\n{6}\nPrecision {7:0.000}, recall {8:0.000}.\n\n| Persona | Headless | Users | Scores |\n|---|---|---|---|\n{9}\n\nMisclassified:\n{10}\n",
            seed, truth.Count, truth.Values.Count(t => t.Headless), truth.Values.Count(t => !t.Headless), Days, threshold,
            matrix.ToMarkdown(), matrix.Precision("headless"), matrix.Recall("headless"), string.Join("\n", personas),
            wrong.Count == 0 ? "(none)" : string.Join("\n", wrong));
        return (matrix, report);
    }

    private static string Range(IEnumerable<string> users, Dictionary<string, HeadlessFinding> found)
    {
        var scores = users.Select(u => found.TryGetValue(u, out var f) ? f.Score : 0).ToList();
        return scores.Min() == scores.Max() ? scores.Min().ToString(CultureInfo.InvariantCulture) : scores.Min() + "–" + scores.Max();
    }
}
