using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// "At a glance": how many failures, how many resolved themselves (benign interrupts), how many a later success resolved,
/// how many still need action, and the causes that need it most, in one sentence.
/// </summary>
internal static class HeadlineSection
{
    public static void Write(HtmlBuilder html, ReportContent content)
    {
        var failures = content.Failures;
        var fromSummary = failures.Total == 0 && content.Summaries.Count > 0 ? content.Summaries[0] : null;
        long total = fromSummary?.Total ?? failures.Total;
        long benign = fromSummary?.Benign ?? failures.Benign;
        long resolved = fromSummary?.Resolved ?? failures.Resolved;
        long pending = fromSummary?.Pending ?? failures.Pending;
        long needsAction = fromSummary?.Unresolved ?? failures.NeedsAction;

        html.Open("section", "id", "summary", "aria-labelledby", "summary-heading").Element("h2", "At a glance", "id", "summary-heading");
        html.Open("dl", "id", "headline");
        Metric(html, "total", "Strong-auth failures", total);
        Metric(html, "needs-action", "Need action", needsAction);
        Metric(html, "benign", "Resolved by themselves (benign interrupts)", benign);
        Metric(html, "resolved", "Resolved by a later sign-in", resolved);
        Metric(html, "pending", "Too recent to judge", pending);
        html.Close("dl");

        if (fromSummary is not null)
        {
            html.Element("p", "From a Get-StrongAuthFailure -Summary object: counts only.", "class", "muted");
        }
        else if (failures.Total > 0)
        {
            var top = failures.Causes.Where(cause => cause.Cause != Core.Classification.FailureCause.BenignInterrupt && cause.Unresolved > 0)
                .OrderByDescending(cause => cause.Unresolved).Take(3)
                .Select(cause => cause.Cause + " (" + cause.Unresolved.ToString("N0", CultureInfo.InvariantCulture) + " unresolved, " + cause.Users.Distinct.ToString("N0", CultureInfo.InvariantCulture) + " accounts)").ToList();
            html.Element("p", top.Count == 0 ? "Nothing needs action: every failure was benign or resolved by a later sign-in." : "Most action is needed for " + string.Join(", ", top) + ".");
        }

        html.Close("section");
    }

    private static void Metric(HtmlBuilder html, string name, string label, long value) =>
        html.Open("div").Element("dt", label).Open("dd", "data-metric", name).Number(value).Close("dd").Close("div");
}
