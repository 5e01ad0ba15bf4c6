using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// One line per case run into out/TestResults/hostile-&lt;way&gt;.tsv (way: engine, module, fuzz), started afresh by
/// each test run: the figures docs/reliability.md quotes (errors, crashes, hangs, good records lost, time, memory).
/// </summary>
internal static class HostileTally
{
    private const string Header = "case\tinput\tgood read\tgood owed\terrors\twarnings\tcrash\thang\tseconds\tpeak MB\tverdict";
    private static readonly HashSet<string> Started = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    public static string Line(HostileCase hostile, ReadReport report, IReadOnlyCollection<string> wrong)
    {
        var good = report.SignInIds.Where(id => id.StartsWith("good-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count();
        var crash = report.Crash is not null || report.Errors.Any(e => e.ErrorId == ErrorIds.UnexpectedError);
        return string.Join('\t', hostile.Name, hostile.Input, good, hostile.Good, report.Errors.Count, report.Warnings.Count, crash ? "crash" : "-",
            report.Hung ? "hang" : "-", report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            (report.PeakBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture), wrong.Count == 0 ? "ok" : "FAILED: " + HostileVerdict.Shorten(string.Join("; ", wrong)).Replace('\n', ' '));
    }

    public static void Add(HostileCase hostile, ReadReport report, IReadOnlyCollection<string> wrong, string way)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepositoryFolder.Root(), "out", "TestResults"));
            var file = Path.Combine(folder.FullName, "hostile-" + way + ".tsv");
            lock (Gate)
            {
                if (Started.Add(way))
                {
                    File.WriteAllText(file, Header + Environment.NewLine);
                }

                File.AppendAllText(file, Line(hostile, report, wrong) + Environment.NewLine);
            }
        }
        catch (IOException)
        {
            // The tally is a convenience for the docs; a read-only checkout does not fail the test.
        }
    }
}
