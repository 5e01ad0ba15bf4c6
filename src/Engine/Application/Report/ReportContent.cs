using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.Remediation;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>Everything the report was given, sorted by kind; failures already tallied.</summary>
internal sealed class ReportContent
{
    public ReportContent(int top)
    {
        Failures = new FailureTally(top);
    }

    public FailureTally Failures { get; }

    public List<StrongAuthSummary> Summaries { get; } = new();

    public List<HeadlessFinding> Headless { get; } = new();

    public List<MfaEnrollmentResult> Enrollment { get; } = new();

    public List<ReadinessResult> Readiness { get; } = new();

    public List<ReadinessSummary> ReadinessSummaries { get; } = new();

    public List<RemediationResult> Remediation { get; } = new();

    public List<StrongAuthPolicy> Policies { get; } = new();

    public List<string> Sources { get; } = new();

    /// <summary>How many notes the page shows; the command's warnings and errors have them all.</summary>
    public const int MaxNotes = 25;

    public List<string> Notes { get; } = new();

    public int NotesLeftOut { get; set; }
}
