using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The whole page: a Content-Security-Policy that admits nothing but its own nonce'd style and script and no network at
/// all, then the headline, the trend, the causes with their fixes, the result tables and where it all came from. The
/// page is complete without its script (sorting and filtering only), so it reads in a mail preview and prints whole.
/// </summary>
internal sealed class ReportPage
{
    private readonly ReportContent _content;
    private readonly StrongAuthReportOptions _options;
    private readonly ReportSidecars _sidecars;
    private readonly string? _failureFile;
    private readonly HtmlBuilder _html = new();

    public ReportPage(ReportContent content, StrongAuthReportOptions options, ReportSidecars sidecars, string? failureFile)
    {
        _content = content;
        _options = options;
        _sidecars = sidecars;
        _failureFile = failureFile;
    }

    public string Render()
    {
        var nonce = ReportAssets.NewNonce();
        _html.Raw("<!DOCTYPE html>\n").Open("html", "lang", "en").Open("head").Open("meta", "charset", "utf-8")
            .Open("meta", "http-equiv", "Content-Security-Policy", "content", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; img-src data:; base-uri 'none'; form-action 'none'")
            .Open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
            .Open("meta", "name", "color-scheme", "content", "light dark")
            .Open("meta", "name", "generator", "content", "EntraStrongAuth " + _options.ModuleVersion)
            .Element("title", _options.Title)
            .Open("style", "nonce", nonce).Raw(ReportAssets.StyleSheet).Close("style")
            .Close("head").Open("body").Open("main");

        var window = ReportWindow.Describe(_content, _options);
        _html.Open("header", "class", "page").Element("h1", _options.Title)
            .Element("p", window + " · generated " + _options.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC by EntraStrongAuth " + _options.ModuleVersion, "class", "lede")
            .Close("header");
        WriteContents();
        HeadlineSection.Write(_html, _content);
        WriteTrend();
        WriteCauses();
        WriteResults();
        ProvenanceSection.Write(_html, _content, _options, window, _sidecars);
        _html.Close("main").Open("script", "nonce", nonce).Raw(ReportAssets.PageScript).Close("script").Close("body").Close("html");
        return _html.ToString();
    }

    private void WriteContents()
    {
        _html.Open("nav", "aria-label", "Contents").Open("p", "class", "muted").Text("Contents: ");
        var links = new[]
        {
            ("summary", "At a glance"), ("trend-section", "Trend"), ("causes-section", "Causes and fixes"), ("failures-section", "Failures"),
            ("headless-section", "Headless accounts"), ("enrollment-section", "Enrollment gaps"),
            (_content.Readiness.Count + _content.ReadinessSummaries.Count > 0 ? "readiness-section" : null, "Planned policy"),
            (_content.Remediation.Count > 0 ? "remediation-section" : null, "Fixes checked"), ("provenance", "Sources"),
        }.Where(link => link.Item1 is not null).ToList();
        for (var i = 0; i < links.Count; i++)
        {
            _html.Raw(i == 0 ? string.Empty : " · ").Open("a", "href", "#" + links[i].Item1).Text(links[i].Item2).Close("a");
        }

        _html.Close("p").Close("nav");
    }

    private void WriteTrend()
    {
        Section("trend-section", "Trend by day and cause");
        if (TrendBuckets.From(_content.Failures, _options.Start, _options.End) is { } buckets)
        {
            TrendChart.Write(_html, buckets, ChangeMarkers.Find(_content.Failures, _content.Policies, buckets.FirstDay, buckets.LastDay));
        }
        else
        {
            _html.Element("p", _content.Summaries.Count > 0
                ? "Only a summary was given, which has no days: pipe the failures themselves (Get-StrongAuthFailure -IncludeBenign) to draw the trend."
                : "No failures were given, so there is no trend to draw.", "class", "muted");
        }

        _html.Close("section");
    }

    private void WriteCauses()
    {
        Section("causes-section", "Causes and fixes");
        if (_content.Failures.Total == 0)
        {
            _html.Element("p", "No failures were given.", "class", "muted").Close("section");
        }
        else
        {
            Table(CauseSections.Table(_content.Failures));
            CauseSections.Write(_html, _content.Failures, _options.GeneratedAt);
            _html.Close("section");
        }

        Section("failures-section", "Failures that need action");
        var needingAction = _content.Failures.NeedsAction + _content.Failures.Pending;
        if (needingAction == 0)
        {
            _html.Element("p", _content.Failures.Total == 0 ? "No failures were given." : "No failure needs action: each was a benign interrupt or was resolved by a later sign-in.", "class", "muted");
        }
        else
        {
            var failures = ResultTables.Failures(_content.Failures.NeedingAction, needingAction);
            failures.FullListFile = _failureFile;
            Table(failures, cut: false);
        }

        _html.Close("section");
    }

    private void WriteResults()
    {
        Section("headless-section", "Headless accounts: scripts signing in as users");
        TableOrHint(ResultTables.Headless(_content.Headless), _content.Headless.Count, "No headless-account findings were given. Pipe Find-HeadlessUserSignIn's results, or let Export-StrongAuthReport read the sign-ins itself (-SignInPath, or the connected tenant).");

        Section("enrollment-section", "Enrollment gaps");
        if (_content.Enrollment.Count > 0)
        {
            _html.Element("p", _content.Enrollment.Count.ToString("N0", CultureInfo.InvariantCulture) + " users assessed: " + ResultTables.Count(_content.Enrollment, result => result.Outcome) + ".");
        }

        TableOrHint(ResultTables.Enrollment(_content.Enrollment), _content.Enrollment.Count, "No enrollment results were given. Pipe Test-MfaEnrollment's results (for example: Get-StrongAuthFailure … | Test-MfaEnrollment), or pass -TenantDataPath with the saved registration details.");

        if (_content.Readiness.Count + _content.ReadinessSummaries.Count > 0)
        {
            Section("readiness-section", "Planned policy: readiness");
            foreach (var summary in _content.ReadinessSummaries)
            {
                _html.Element("p", summary.ToString());
            }

            if (_content.Readiness.Count > 0)
            {
                _html.Element("p", _content.Readiness.Count.ToString("N0", CultureInfo.InvariantCulture) + " users and apps assessed: " + ResultTables.Count(_content.Readiness, result => result.Verdict) + ".");
                Table(ResultTables.Readiness(_content.Readiness));
            }

            _html.Close("section");
        }

        if (_content.Remediation.Count > 0)
        {
            Section("remediation-section", "Fixes checked");
            _html.Element("p", ResultTables.Count(_content.Remediation, result => result.Outcome) + ".");
            Table(ResultTables.Remediation(_content.Remediation));
            _html.Close("section");
        }
    }

    private void TableOrHint(ReportTable table, int inputCount, string hint)
    {
        if (inputCount == 0)
        {
            _html.Element("p", hint, "class", "muted");
        }
        else
        {
            Table(table);
        }

        _html.Close("section");
    }

    private void Section(string id, string heading) => _html.Open("section", "id", id, "aria-labelledby", id + "-heading").Element("h2", heading, "id", id + "-heading");

    private void Table(ReportTable table, bool cut = true)
    {
        if (cut)
        {
            _sidecars.Cut(table);
        }

        TableWriter.Write(_html, table);
    }
}
