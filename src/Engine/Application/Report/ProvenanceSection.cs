using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// Where the report comes from and what it could not see: the sources, the window, what was given, what the input
/// lacked (fields, permissions, hidden benign interrupts, sections not given), the files beside it, the module version.
/// </summary>
internal static class ProvenanceSection
{
    public static void Write(HtmlBuilder html, ReportContent content, StrongAuthReportOptions options, string window, ReportSidecars sidecars)
    {
        html.Open("footer", "id", "provenance").Element("h2", "Where this comes from").Open("dl");
        Item(html, "Sources", content.Sources.Count > 0 ? content.Sources : new List<string> { "Results piped to Export-StrongAuthReport." });
        Item(html, "Window", new[] { window });
        Item(html, "Given", Given(content));
        Item(html, "What this report could not see", Missing(content));
        if (sidecars.Written.Count > 0)
        {
            html.Element("dt", "Files beside this report (every row of the cut tables)").Open("dd").Open("ul");
            foreach (var file in sidecars.Written.Select(System.IO.Path.GetFileName))
            {
                html.Open("li").Open("a", "href", "./" + System.Uri.EscapeDataString(file)).Text(file).Close("a").Close("li");
            }

            html.Close("ul").Close("dd");
        }

        Item(html, "Made by", new[] { "EntraStrongAuth " + options.ModuleVersion + ", " + options.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC. Times are UTC." });
        html.Close("dl").Close("footer");
    }

    private static IEnumerable<string> Given(ReportContent content)
    {
        var failures = content.Failures;
        yield return N(failures.Total) + " failures" + (failures.Duplicates > 0 ? " (" + N(failures.Duplicates) + " repeated sign-ins counted once)" : string.Empty)
            + ", " + N(content.Headless.Count) + " headless findings, " + N(content.Enrollment.Count) + " enrollment results, "
            + N(content.Readiness.Count) + " readiness results, " + N(content.Remediation.Count) + " remediation results, " + N(content.Policies.Count) + " policies.";
    }

    private static List<string> Missing(ReportContent content)
    {
        var missing = new List<string>(content.Notes);
        if (content.NotesLeftOut > 0)
        {
            missing.Add("and " + N(content.NotesLeftOut) + " more warnings and errors, left out here: the command's warning and error streams have them all.");
        }

        var failures = content.Failures;
        if (failures.MissingEvidence > 0)
        {
            var fields = failures.Causes.SelectMany(cause => cause.MissingEvidence.Top(int.MaxValue)).Select(pair => pair.Key).Distinct(System.StringComparer.OrdinalIgnoreCase).ToList();
            missing.Add(MissingEvidenceAdvice.Describe(fields, (int)failures.MissingEvidence));
        }

        if (failures.Total > 0 && failures.Benign == 0 && content.Sources.Count == 0)
        {
            missing.Add("No benign interrupts were given: Get-StrongAuthFailure hides them unless -IncludeBenign, so 'resolved by themselves' may be undercounted.");
        }

        if (content.Readiness.Count + content.ReadinessSummaries.Count == 0)
        {
            missing.Add("No planned policy was assessed: pipe Test-StrongAuthReadiness results to show who a rollout would stop.");
        }

        if (content.Remediation.Count == 0)
        {
            missing.Add("No fix was checked: pipe Test-StrongAuthRemediation results to show which fixes worked.");
        }

        return missing;
    }

    private static void Item(HtmlBuilder html, string term, IEnumerable<string> lines)
    {
        html.Element("dt", term);
        foreach (var line in lines)
        {
            html.Element("dd", line);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
