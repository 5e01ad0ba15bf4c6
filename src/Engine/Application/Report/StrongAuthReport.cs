using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.Remediation;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// One HTML report from any mix of the module's results: failures are tallied as they arrive (and every one written to
/// the failures CSV, kept when the page cuts the list), the other results are kept, and <see cref="Write"/> renders the
/// page. Anything that is not a result of this module is refused (false), so the command can say so.
/// </summary>
public sealed class StrongAuthReport : IDisposable
{
    private readonly StrongAuthReportOptions _options;
    private readonly ReportCsvFile _failureCsv;

    public StrongAuthReport(StrongAuthReportOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Content = new ReportContent(options.Top);
        _failureCsv = new ReportCsvFile(ReportSidecars.Beside(options.Path, "failures"), FailureCsvRow.Columns);
    }

    internal ReportContent Content { get; }

    /// <summary>Takes one result; false when the value is not one the report shows.</summary>
    public bool Add(object? value)
    {
        switch (value)
        {
            case StrongAuthFailure failure:
                AddFailure(failure);
                return true;
            case StrongAuthDiagnosis diagnosis:
                AddFailure(diagnosis.Failure);
                return true;
            case StrongAuthSummary summary:
                Content.Summaries.Add(summary);
                return true;
            case HeadlessFinding finding:
                Content.Headless.Add(finding);
                return true;
            case MfaEnrollmentResult enrollment:
                Content.Enrollment.Add(enrollment);
                return true;
            case ReadinessResult readiness:
                Content.Readiness.Add(readiness);
                return true;
            case ReadinessSummary readinessSummary:
                Content.ReadinessSummaries.Add(readinessSummary);
                return true;
            case RemediationResult remediation:
                Content.Remediation.Add(remediation);
                return true;
            case StrongAuthPolicy policy:
                Content.Policies.Add(policy);
                return true;
            default:
                return false;
        }
    }

    /// <summary>How many results were taken (a failure counted once).</summary>
    public long Results => Content.Failures.Total + Content.Summaries.Count + Content.Headless.Count + Content.Enrollment.Count
        + Content.Readiness.Count + Content.ReadinessSummaries.Count + Content.Remediation.Count + Content.Policies.Count;

    /// <summary>Where the data came from, in words ("sign-in file signins.json (1.4 MB)", "tenant contoso.com via Microsoft Graph").</summary>
    public void AddSource(string source) => Content.Sources.Add(source);

    /// <summary>What the input lacked or a warning the analysis gave: shown under "What this report could not see".</summary>
    /// <remarks>Each note once; past <see cref="ReportContent.MaxNotes"/> they are only counted (a file with a bad record per line would otherwise fill the page).</remarks>
    public void AddNote(string note)
    {
        if (Content.Notes.Contains(note))
        {
            return;
        }

        if (Content.Notes.Count < ReportContent.MaxNotes)
        {
            Content.Notes.Add(note);
        }
        else
        {
            Content.NotesLeftOut++;
        }
    }

    /// <summary>Writes the page (and the CSVs of cut tables); returns the full paths written, the page first.</summary>
    public IReadOnlyList<string> Write()
    {
        var sidecars = new ReportSidecars(_options.Path, _options.Top);
        string? failureFile = null;
        if (Content.Failures.Total > _options.Top)
        {
            sidecars.Written.Add(_failureCsv.Keep());
            failureFile = _failureCsv.FileName;
        }

        var html = new ReportPage(Content, _options, sidecars, failureFile).Render();
        var partial = _options.Path + ".partial";
        File.WriteAllText(partial, html, new UTF8Encoding(false));
        if (File.Exists(_options.Path))
        {
            File.Delete(_options.Path);
        }

        File.Move(partial, _options.Path);
        var files = new List<string> { _options.Path };
        files.AddRange(sidecars.Written);
        return files;
    }

    public void Dispose() => _failureCsv.Dispose();

    private void AddFailure(StrongAuthFailure failure)
    {
        if (Content.Failures.Add(failure))
        {
            _failureCsv.Write(FailureCsvRow.Cells(failure));
        }
    }
}
