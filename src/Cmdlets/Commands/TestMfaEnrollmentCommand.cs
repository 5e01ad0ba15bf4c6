using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Enrollment;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Whether users can satisfy an authentication strength with the methods they registered and the tenant enables for
/// them, and the fewest methods to add when they cannot: for named users (the report, or live with -Live), for piped
/// failures (with the strength they failed), or for the whole tenant (-All); from Graph or from saved files (-Path).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MfaEnrollment", DefaultParameterSetName = UserSet)]
[OutputType(typeof(MfaEnrollmentResult), typeof(bool))]
public sealed class TestMfaEnrollmentCommand : AsyncPSCmdlet
{
    private const string UserSet = "User";
    private const string FailureSet = "Failure";
    private const string AllSet = "All";

    // Live lookups go 20 to a $batch; report lookups 15 UPNs to a $filter (the sign-in reader's proven size).
    private const int LiveBatch = 20;
    private const int ReportBatch = 15;

    private readonly List<EnrollmentTarget> _pending = new();
    private readonly HashSet<string> _queued = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<object> _pipedStrengths = new();
    private IEnrollmentData? _data;
    private EnrollmentStrengths? _strengths;
    private EnrollmentRun? _run;
    private int _looked;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("Id", "ObjectId")]
    [ValidateNotNullOrEmpty]
    public string[]? UserId { get; set; }

    /// <summary>A failure from Get-StrongAuthFailure: its user, tested against the strength it failed.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FailureSet)]
    public StrongAuthFailure? Failure { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = FailureSet)]
    [Parameter(ParameterSetName = AllSet, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(AuthenticationStrengthNameCompleter))]
    [ValidateNotNullOrEmpty]
    public object[]? AuthenticationStrength { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(StrongAuthPolicyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public object[]? Policy { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = FailureSet)]
    public SwitchParameter Live { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    [Parameter]
    public SwitchParameter ExcludeGuest { get; set; }

    [Parameter]
    public SwitchParameter IncludeDisabled { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private bool IsAll => ParameterSetName == AllSet;

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        if (Live && Path is not null)
        {
            throw new EntraStrongAuthException("ParameterConflict", FailureKind.InvalidArgument, "-Live reads the tenant now; -Path reads saved files. Use one.", "Drop -Live to use the files, or -Path to read the tenant.");
        }

        var writers = CreateWriters();
        if (Path is { } paths)
        {
            var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths, FileEnrollmentData.FilePatterns)).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await WriteErrorAsync(problem, null).ConfigureAwait(false);
            }

            _data = await FileEnrollmentData.OpenAsync(files, writers).ConfigureAwait(false);
        }
        else
        {
            _data = new TenantEnrollmentData(ConnectionStore.Require(), writers);
        }

        _strengths = new EnrollmentStrengths(_data);
        _run = new EnrollmentRun(_data, _strengths, new EnrollmentExclusions(ExcludeUserPrincipalName, ExcludeGuest, IncludeDisabled), writers, WriteObjectAsync) { Quiet = Quiet };
        if (!IsAll)
        {
            // Outside -All nothing else comes from the pipeline into these two, so they are known now.
            await ChooseStrengthsAsync(AuthenticationStrength, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (IsAll)
        {
            _pipedStrengths.AddRange(AuthenticationStrength ?? Array.Empty<object>());
            return;
        }

        foreach (var target in TargetsOfThisRecord())
        {
            if (_queued.Add(target.Key))
            {
                _pending.Add(target);
            }
        }

        if (_pending.Count >= (Live ? LiveBatch : ReportBatch))
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var run = _run!;
        if (IsAll)
        {
            await ChooseStrengthsAsync(_pipedStrengths.ToArray(), cancellationToken).ConfigureAwait(false);
            await run.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var progress = new ProgressRecord(1, "Testing MFA enrollment", "Reading the registration report");
            await _data!.ReadAllAsync(
                async user =>
                {
                    await run.AssessAsync(user, null, null, cancellationToken).ConfigureAwait(false);
                    if (run.Users % 500 == 0)
                    {
                        progress.StatusDescription = run.Users + " users tested";
                        await WriteProgressAsync(progress).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            progress.RecordType = ProgressRecordType.Completed;
            await WriteProgressAsync(progress).ConfigureAwait(false);
            await run.SummarizeAsync(Path is null ? "the registration report" : "the files").ConfigureAwait(false);
            return;
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await run.SummarizeAsync(Path is not null ? "the files" : Live ? "live lookups" : "the registration report").ConfigureAwait(false);
    }

    private IEnumerable<EnrollmentTarget> TargetsOfThisRecord()
    {
        if (ParameterSetName == FailureSet)
        {
            if (Failure is { } failure && (failure.UserId ?? failure.UserPrincipalName) is not null)
            {
                yield return new EnrollmentTarget(failure.UserId, failure.UserPrincipalName, failure);
            }

            yield break;
        }

        // An object piped by property name binds both: they name one user.
        if (MyInvocation.ExpectingInput && UserId is { Length: 1 } ids && UserPrincipalName is { Length: 1 } names)
        {
            yield return new EnrollmentTarget(ids[0], names[0]);
            yield break;
        }

        foreach (var id in UserId ?? Array.Empty<string>())
        {
            yield return new EnrollmentTarget(id, null);
        }

        foreach (var name in UserPrincipalName ?? Array.Empty<string>())
        {
            yield return Guid.TryParse(name, out _) ? new EnrollmentTarget(name, null) : new EnrollmentTarget(null, name);
        }
    }

    private async Task ChooseStrengthsAsync(object[]? strengths, CancellationToken cancellationToken)
    {
        if (strengths is { Length: > 0 })
        {
            await _strengths!.AddStrengthsAsync(strengths, cancellationToken).ConfigureAwait(false);
        }

        if (Policy is { Length: > 0 } policies)
        {
            await _strengths!.AddPoliciesAsync(policies, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.ToList();
        _pending.Clear();
        var lookups = await _data!.LookupAsync(batch, Live, cancellationToken).ConfigureAwait(false);
        _looked += batch.Count;
        await WriteProgressAsync(new ProgressRecord(1, "Testing MFA enrollment", _looked + " users looked up")).ConfigureAwait(false);
        foreach (var lookup in lookups)
        {
            if (lookup.Snapshot is { } snapshot)
            {
                await _run!.AssessAsync(snapshot, lookup.Target, lookup.AccountEnabled, cancellationToken).ConfigureAwait(false);
            }
            else if (lookup.Error is { } error)
            {
                await WriteErrorAsync(error, lookup.Target.DisplayKey).ConfigureAwait(false);
                if (Quiet)
                {
                    // Like Test-Path: one answer per user asked about, so a script's list stays aligned.
                    await WriteObjectAsync(false).ConfigureAwait(false);
                }
            }
        }
    }
}
