using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// The standard of issue 14 for one read: no crash, no hang, bounded memory, a located error for each bad record,
/// every good record kept once, and no control character from the input in a message. Returns what is wrong, so one
/// failure lists every broken promise of the case.
/// </summary>
internal static class HostileVerdict
{
    /// <summary>Ids of a problem with one record: they must say which (line or record number).</summary>
    private static readonly HashSet<string> RecordErrorIds = new(StringComparer.Ordinal)
    {
        ErrorIds.SignInRecordInvalid, ErrorIds.SignInFieldInvalid, ErrorIds.SignInCsvRowMismatch, ErrorIds.SignInLogTruncated,
    };

    public static List<string> Check(HostileCase hostile, ReadReport report, string root)
    {
        var wrong = Endurance(report, root, hostile.TimeLimit, controlCharacters: true);
        CheckRecords(hostile, report, wrong);
        CheckLocated(hostile, report, root, wrong);
        return wrong;
    }

    /// <summary>
    /// What holds for any input, known or fuzzed: no crash, no hang, memory under the cap, no UnexpectedError, every
    /// error naming its file and every record error its line or record; and, with <paramref name="controlCharacters"/>,
    /// no control character from the input in a message.
    /// </summary>
    public static List<string> Endurance(ReadReport report, string root, TimeSpan timeLimit, bool controlCharacters)
    {
        var wrong = new List<string>();
        if (report.Crash is { } crash)
        {
            wrong.Add("crashed: " + crash);
        }

        if (report.Hung)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "hung: still reading after {0:N1} s (limit {1:N0} s)", report.Elapsed.TotalSeconds, timeLimit.TotalSeconds));
        }

        if (report.OverMemoryCap || report.PeakBytes > EngineRead.MemoryCap)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "memory: {0} peaked at {1:N0} MB (cap {2:N0} MB)", report.MemoryMeasure, report.PeakBytes / 1048576, EngineRead.MemoryCap / 1048576));
        }

        foreach (var error in report.Errors)
        {
            if (error.ErrorId == ErrorIds.UnexpectedError)
            {
                wrong.Add("UnexpectedError: " + Shorten(error.Message));
            }

            if (string.IsNullOrEmpty(error.File) || !error.File.StartsWith(root, StringComparison.Ordinal))
            {
                wrong.Add(error.ErrorId + " does not name the file it is about: " + (error.File ?? "(none)"));
            }

            if (RecordErrorIds.Contains(error.ErrorId) && error.Line is null && error.Record is null)
            {
                wrong.Add(error.ErrorId + " without a line or record: " + Shorten(error.Message));
            }
        }

        // What a host prints: the message, the error view's target name (a ZIP entry's name comes from the input) and
        // warnings. The target object itself keeps the real name, for scripts.
        var shown = report.Errors.Select(e => e.Message).Concat(report.Errors.Select(e => e.Shown ?? string.Empty)).Concat(report.Warnings);
        foreach (var text in controlCharacters ? shown : [])
        {
            if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                wrong.Add("a control character from the input reaches a message: " + Shorten(text));
            }
        }

        return wrong;
    }

    public static string Describe(HostileCase hostile, ReadReport report, IEnumerable<string> wrong) =>
        hostile.Name + " (" + hostile.Input + "): " + string.Join("; ", wrong) + Environment.NewLine
        + "  read " + report.SignInIds.Count + " records: " + Shorten(string.Join(", ", report.SignInIds)) + Environment.NewLine
        + string.Concat(report.Errors.Select(e => "  error " + e.ErrorId + " line " + e.Line + " record " + e.Record + ": " + Shorten(e.Message) + Environment.NewLine))
        + string.Concat(report.Warnings.Select(w => "  warning: " + Shorten(w) + Environment.NewLine));

    /// <summary>Visible form of a control character, so a failing message cannot drive the test log's terminal either.</summary>
    public static string Shorten(string text)
    {
        var visible = string.Concat(text.Select(c => char.IsControl(c) && c is not '\n' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()));
        return visible.Length > 400 ? string.Concat(visible.AsSpan(0, 400), "…") : visible;
    }

    /// <summary>A warning about one record: it names the file and the record or line.</summary>
    private static bool IsLocated(string warning, string root) =>
        warning.Contains(root, StringComparison.Ordinal) && Regex.IsMatch(warning, @"\b(record|line|row) \d+", RegexOptions.IgnoreCase);

    private static void CheckRecords(HostileCase hostile, ReadReport report, List<string> wrong)
    {
        var good = report.SignInIds.Where(id => id.StartsWith("good-", StringComparison.Ordinal)).ToList();
        var distinct = good.Distinct(StringComparer.Ordinal).Count();
        if (distinct != hostile.Good)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "good records: read {0} of {1}", distinct, hostile.Good));
        }

        var twice = good.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            wrong.Add("read more than once: " + string.Join(", ", twice.Take(5)));
        }

        var invented = report.SignInIds.Where(id => !id.StartsWith("good-", StringComparison.Ordinal) && !id.StartsWith("bad-", StringComparison.Ordinal) && !id.StartsWith("maybe-", StringComparison.Ordinal)).ToList();
        if (invented.Count > 0)
        {
            wrong.Add("records the input does not hold: " + Shorten(string.Join(", ", invented.Take(5))));
        }
    }

    private static void CheckLocated(HostileCase hostile, ReadReport report, string root, List<string> wrong)
    {
        var located = hostile.Scope == ProblemScope.File
            ? report.Errors.Count
            : report.Errors.Count(e => e.Line is not null || e.Record is not null) + report.Warnings.Count(w => IsLocated(w, root));
        if (located < hostile.Bad)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "located errors: {0} for {1} bad {2}", located, hostile.Bad, hostile.Scope == ProblemScope.File ? "files" : "records"));
        }

        if (report.Warnings.Count(w => IsLocated(w, root)) < hostile.Warnings)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "located warnings: {0} where the input needs {1}", report.Warnings.Count(w => IsLocated(w, root)), hostile.Warnings));
        }

        // Through folders every file is read once: a bad record met twice means a file was (a link loop).
        if (hostile.IsFolder && report.Errors.Count > hostile.Bad)
        {
            wrong.Add(string.Format(CultureInfo.InvariantCulture, "errors: {0} for {1} bad records (a file read more than once?)", report.Errors.Count, hostile.Bad));
        }
    }
}
