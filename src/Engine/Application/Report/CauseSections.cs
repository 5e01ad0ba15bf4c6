using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// Per cause: the counts table across causes, then one section each with who and what is affected (names, not ids), the
/// evidence in words, how sure the rules are and what they lacked, the fix, and the commands that diagnose one failure and
/// prove the fix.
/// </summary>
internal static class CauseSections
{
    private const int Names = 10;

    /// <summary>One row per cause; each count column sums to the headline number of the same name.</summary>
    public static ReportTable Table(FailureTally failures)
    {
        var table = new ReportTable("causes", "Failures by cause", "Cause", "Failures", "NeedsAction", "Benign", "Resolved", "Pending", "Users", "Apps", "Confidence");
        foreach (var cause in failures.Causes)
        {
            // A benign interrupt counts as benign whatever its resolution, as in the headline.
            var benign = cause.Cause == FailureCause.BenignInterrupt;
            table.Add(cause.Cause.ToString(), ReportCell.Of(cause.Failures), ReportCell.Of(benign ? 0 : cause.Unresolved), ReportCell.Of(benign ? cause.Failures : 0),
                ReportCell.Of(benign ? 0 : cause.Resolved), ReportCell.Of(benign ? 0 : cause.Pending),
                ReportCell.Of(cause.Users.Distinct), ReportCell.Of(cause.Apps.Distinct), ReportCell.List(cause.Confidence.Describe(3)));
        }

        return table;
    }

    public static void Write(HtmlBuilder html, FailureTally failures, System.DateTimeOffset generatedAt)
    {
        foreach (var cause in failures.Causes)
        {
            html.Open("section", "class", "cause", "id", "cause-" + cause.Cause);
            html.Open("h3").Text(cause.Cause.ToString()).Raw(" ").Open("span", "class", "badge")
                .Text(cause.Failures.ToString("N0", CultureInfo.InvariantCulture) + " failures, " + cause.Users.Distinct.ToString("N0", CultureInfo.InvariantCulture) + " accounts")
                .Close("span").Close("h3");
            html.Element("p", CauseWording.Describe(cause.Cause));
            html.Open("div", "class", "facts");
            List(html, "Accounts", cause.Users.Describe(Names));
            List(html, "Apps", cause.Apps.Describe(Names));
            List(html, "Why the rules say so", cause.Evidence.Describe(5));
            List(html, "Error codes", cause.Codes.Describe(5));
            html.Close("div");
            WriteConfidence(html, cause);
            WriteFix(html, cause, generatedAt);
            html.Close("section");
        }
    }

    private static void WriteConfidence(HtmlBuilder html, CauseTally cause)
    {
        html.Open("p").Open("strong").Text("Confidence: ").Close("strong").Text(string.Join(", ", cause.Confidence.Describe(3)) + ".");
        if (cause.MissingEvidence.Distinct > 0)
        {
            var fields = cause.MissingEvidence.Top(Names).Select(pair => pair.Key).ToList();
            html.Text(" Lowered where the records lacked what the rule needed: " + MissingEvidenceAdvice.Describe(fields, (int)cause.FailuresMissingEvidence));
        }

        html.Close("p");
    }

    private static void WriteFix(HtmlBuilder html, CauseTally cause, System.DateTimeOffset generatedAt)
    {
        if (cause.Remedy.Count > 0)
        {
            html.Element("h4", "The fix").Open("ol");
            foreach (var step in cause.Remedy)
            {
                html.Element("li", step);
            }

            html.Close("ol");
        }

        if (cause.Latest is not { } latest || (latest.UserPrincipalName ?? latest.UserId) is not { } user)
        {
            return;
        }

        html.Element("h4", "Diagnose one (the most recent)");
        html.Element("code", "Debug-StrongAuthFailure -UserPrincipalName " + PowerShellLiteral.Quote(user) + " -At " + PowerShellLiteral.Quote(latest.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), "class", "diagnose");
        if (VerifyCommand.For(latest, cause.Cause, generatedAt) is { } verify)
        {
            html.Element("h4", "Prove the fix (after applying it; set -FixedAt to when you did)");
            html.Element("code", verify, "class", "verify");
        }
    }

    private static void List(HtmlBuilder html, string heading, IReadOnlyList<string> lines)
    {
        html.Open("div").Element("h4", heading);
        if (lines.Count == 0)
        {
            html.Element("p", "none recorded", "class", "muted");
        }
        else
        {
            html.Open("ul");
            foreach (var line in lines)
            {
                html.Open("li").Short(line).Close("li");
            }

            html.Close("ul");
        }

        html.Close("div");
    }
}
