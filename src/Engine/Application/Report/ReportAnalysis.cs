using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The analysis Export-StrongAuthReport runs when it is given sign-ins rather than results: Get-StrongAuthFailure with
/// benign interrupts (so "resolved by themselves" is counted, not hidden) and Find-HeadlessUserSignIn, both fed from one
/// read of the files; then, when there is registration data (saved files, or the tenant), Test-MfaEnrollment for the
/// users whose failures were enrollment gaps. Their results go into the report; their warnings go to the user and into
/// the report's notes.
/// </summary>
public sealed class ReportAnalysis
{
    private readonly FailureAnalysis _failures;
    private readonly HeadlessSearch _headless;
    private readonly SignInFilterOptions _filter;
    private readonly IRunHost _host;
    private readonly ReportRunHost _into;

    public ReportAnalysis(StrongAuthReport report, SignInFilterOptions filter, StrongAuthClassifier? classifier, IRunHost host)
    {
        _filter = filter ?? throw new ArgumentNullException(nameof(filter));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _into = new ReportRunHost(report ?? throw new ArgumentNullException(nameof(report)), host);
        _failures = new FailureAnalysis(new FailureAnalysisOptions { Filter = filter, IncludeBenign = true, Classifier = classifier }, _into);
        _headless = new HeadlessSearch(new HeadlessSearchOptions { Filter = filter }, _into);
    }

    /// <summary>One sign-in from a file: both analyses see it (each counts a repeated id once).</summary>
    public async Task ObserveAsync(SignInEvent signIn)
    {
        await _failures.ObserveAsync(signIn).ConfigureAwait(false);
        await _headless.ObserveAsync(signIn).ConfigureAwait(false);
    }

    /// <summary>Reads the tenant (or workspace) over the filter's window: the failures, then the headless search's two phases.</summary>
    public async Task ReadLiveAsync(ISignInQueryReader failureReader, Func<LiveHeadlessSource> headlessSource, CancellationToken cancellationToken)
    {
        await _failures.ReadLiveAsync(failureReader, cancellationToken).ConfigureAwait(false);
        await _headless.ReadLiveAsync(headlessSource, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a Log Analytics workspace: the failures through its tables, the headless accounts from per-account aggregates made in Kusto.</summary>
    public async Task ReadWorkspaceAsync(ISignInQueryReader failureReader, Func<WorkspaceHeadlessSource> headlessSource, CancellationToken cancellationToken)
    {
        await _failures.ReadLiveAsync(failureReader, cancellationToken).ConfigureAwait(false);
        await _headless.ReadWorkspaceAsync(headlessSource, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes both analyses, then tests the enrollment of the users whose failures were enrollment gaps against
    /// <paramref name="enrollment"/> (null: no registration data, and the report says how to add it).
    /// </summary>
    public async Task CompleteAsync(IEnrollmentData? enrollment, bool fromFiles, CancellationToken cancellationToken)
    {
        await _failures.CompleteAsync().ConfigureAwait(false);
        await _headless.CompleteAsync().ConfigureAwait(false);
        if (enrollment is not null && _into.EnrollmentGaps.Count > 0)
        {
            var tester = new MfaEnrollmentTester(enrollment, new MfaEnrollmentTestOptions { FromFiles = fromFiles }, _into);
            await tester.ChooseStrengthsAsync(null, cancellationToken).ConfigureAwait(false);
            foreach (var failure in _into.EnrollmentGaps)
            {
                await tester.AddFailureAsync(failure, cancellationToken).ConfigureAwait(false);
            }

            await tester.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_filter.Start is null && _filter.End is null)
        {
            await _host.WriteVerboseAsync("The report covers every sign-in read; -StartTime and -EndTime narrow it.").ConfigureAwait(false);
        }
    }
}
