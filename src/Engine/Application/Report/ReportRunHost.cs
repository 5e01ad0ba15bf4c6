using System.Collections.Generic;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The host the report's own analyses report to: their results go into the report instead of the pipeline, and each
/// warning (missing fields, hidden Conditional Access, a permission refused) reaches the user and the report's
/// "could not see" list, so the page is as honest as the console.
/// </summary>
internal sealed class ReportRunHost : IRunHost
{
    private readonly StrongAuthReport _report;
    private readonly IRunHost _user;

    public ReportRunHost(StrongAuthReport report, IRunHost user)
    {
        _report = report;
        _user = user;
    }

    /// <summary>The failures whose cause is an enrollment gap: their users' enrollment is tested after the analysis.</summary>
    public List<StrongAuthFailure> EnrollmentGaps { get; } = new();

    public Task WriteOutputAsync(object? value)
    {
        if (value is StrongAuthFailure { CauseKind: FailureCause.IncompleteEnrollment or FailureCause.CannotSatisfyStrength } gap)
        {
            EnrollmentGaps.Add(gap);
        }

        _report.Add(value);
        return Task.CompletedTask;
    }

    public Task WriteVerboseAsync(string text) => _user.WriteVerboseAsync(text);

    public Task WriteWarningAsync(string text)
    {
        _report.AddNote(text);
        return _user.WriteWarningAsync(text);
    }

    public Task WriteProgressAsync(RunProgress progress) => _user.WriteProgressAsync(progress);

    public Task WriteErrorAsync(EntraStrongAuthException failure, object? target)
    {
        _report.AddNote(failure.Message);
        return _user.WriteErrorAsync(failure, target);
    }
}
