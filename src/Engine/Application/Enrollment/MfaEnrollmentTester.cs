using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Progress;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Test-MfaEnrollment's work once its parameters are bound: the users asked about (named, or through failures)
/// de-duplicated and looked up in batches, or every user of the report with -All; each assessed by
/// <see cref="EnrollmentRun"/> against the chosen strengths, with progress and a -Verbose summary.
/// </summary>
public sealed class MfaEnrollmentTester
{
    // Live lookups go 20 to a $batch; report lookups 15 UPNs to a $filter (the sign-in reader's proven size).
    private const int LiveBatch = 20;
    private const int ReportBatch = 15;
    private const string Activity = "Testing MFA enrollment";

    private readonly IEnrollmentData _data;
    private readonly MfaEnrollmentTestOptions _options;
    private readonly IRunHost _host;
    private readonly EnrollmentStrengths _strengths;
    private readonly EnrollmentRun _run;
    private readonly List<EnrollmentTarget> _pending = new();
    private readonly HashSet<string> _queued = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _looked;

    public MfaEnrollmentTester(IEnrollmentData data, MfaEnrollmentTestOptions options, IRunHost host)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _strengths = new EnrollmentStrengths(data);
        var exclusions = new EnrollmentExclusions(options.ExcludeUserPrincipalNames, options.ExcludeGuests, options.IncludeDisabled);
        _run = new EnrollmentRun(data, _strengths, exclusions, host) { Quiet = options.Quiet };
    }

    /// <summary>Before anything is read: false <paramref name="hasTarget"/> (no names, no -All, nothing piped) is a NoEnrollmentTarget error.</summary>
    public static void RequireTarget(bool hasTarget)
    {
        if (!hasTarget)
        {
            throw new EntraStrongAuthException(
                ErrorIds.NoEnrollmentTarget,
                FailureKind.InvalidArgument,
                "No user to test: name users with -UserPrincipalName or -UserId, pipe users or failures, or add -All for every user.",
                "Test-MfaEnrollment adele@contoso.com -Path ./enrollment, or Test-MfaEnrollment -All -Path ./enrollment.");
        }
    }

    /// <summary>The strengths every user is tested against: these -AuthenticationStrength values, then the options' -Policy ones.</summary>
    public async Task ChooseStrengthsAsync(IReadOnlyList<object>? strengths, CancellationToken cancellationToken)
    {
        if (strengths is { Count: > 0 })
        {
            await _strengths.AddStrengthsAsync(strengths, cancellationToken).ConfigureAwait(false);
        }

        if (_options.Policies is { Count: > 0 } policies)
        {
            await _strengths.AddPoliciesAsync(policies, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A piped failure: its user, tested against the strength it failed (a failure naming no user is skipped).</summary>
    public Task AddFailureAsync(StrongAuthFailure failure, CancellationToken cancellationToken) =>
        QueueAsync(failure is not null && (failure.UserId ?? failure.UserPrincipalName) is not null
            ? new[] { new EnrollmentTarget(failure.UserId, failure.UserPrincipalName, failure) }
            : Array.Empty<EnrollmentTarget>(), cancellationToken);

    /// <summary>
    /// Users named by id and by UPN (a UPN that is a GUID is taken as an id). <paramref name="oneUser"/>: the two were
    /// bound from one piped object's properties, so one id and one UPN name the same user.
    /// </summary>
    public Task AddUsersAsync(IReadOnlyList<string>? userIds, IReadOnlyList<string>? userPrincipalNames, bool oneUser, CancellationToken cancellationToken) =>
        QueueAsync(Targets(userIds ?? Array.Empty<string>(), userPrincipalNames ?? Array.Empty<string>(), oneUser), cancellationToken);

    /// <summary>Looks up and assesses the users still queued, then writes the -Verbose summary.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _run.SummarizeAsync(_options.FromFiles ? "the files" : _options.Live ? "live lookups" : "the registration report").ConfigureAwait(false);
    }

    /// <summary>-All: every user of the registration report (or the files), against <paramref name="strengths"/> and the -Policy ones.</summary>
    public async Task TestAllAsync(IReadOnlyList<object> strengths, CancellationToken cancellationToken)
    {
        await ChooseStrengthsAsync(strengths, cancellationToken).ConfigureAwait(false);
        await _run.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var status = "Reading the registration report";
        await _data.ReadAllAsync(
            async user =>
            {
                await _run.AssessAsync(user, null, null, cancellationToken).ConfigureAwait(false);
                if (_run.Users % 500 == 0)
                {
                    status = new ProgressLine(_clock.Elapsed).CountWithRate(_run.Users, "users tested").ToString();
                    await _host.WriteProgressAsync(new RunProgress(1, Activity, status)).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        await _host.WriteProgressAsync(new RunProgress(1, Activity, status) { Completed = true }).ConfigureAwait(false);
        var source = _options.FromFiles ? "the files" : "the registration report";
        if (_run.Users == 0)
        {
            await _host.WriteWarningAsync("No user was tested: " + source + " held no users." + (_options.FromFiles ? " Add the registration report (its CSV download or the JSON of userRegistrationDetails) to -Path." : string.Empty)).ConfigureAwait(false);
        }

        await _run.SummarizeAsync(source).ConfigureAwait(false);
    }

    private static IEnumerable<EnrollmentTarget> Targets(IReadOnlyList<string> ids, IReadOnlyList<string> names, bool oneUser)
    {
        if (oneUser && ids.Count == 1 && names.Count == 1)
        {
            yield return new EnrollmentTarget(ids[0], names[0]);
            yield break;
        }

        foreach (var id in ids)
        {
            yield return new EnrollmentTarget(id, null);
        }

        foreach (var name in names)
        {
            yield return Guid.TryParse(name, out _) ? new EnrollmentTarget(name, null) : new EnrollmentTarget(null, name);
        }
    }

    private async Task QueueAsync(IEnumerable<EnrollmentTarget> targets, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            if (_queued.Add(target.Key))
            {
                _pending.Add(target);
            }
        }

        if (_pending.Count >= (_options.Live ? LiveBatch : ReportBatch))
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
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
        var lookups = await _data.LookupAsync(batch, _options.Live, cancellationToken).ConfigureAwait(false);
        _looked += batch.Count;
        await _host.WriteProgressAsync(new RunProgress(1, Activity, new ProgressLine(_clock.Elapsed).CountWithRate(_looked, "users looked up").ToString())).ConfigureAwait(false);
        foreach (var lookup in lookups)
        {
            if (lookup.Snapshot is { } snapshot)
            {
                await _run.AssessAsync(snapshot, lookup.Target, lookup.AccountEnabled, cancellationToken).ConfigureAwait(false);
            }
            else if (lookup.Error is { } error)
            {
                await _host.WriteErrorAsync(error, lookup.Target.DisplayKey).ConfigureAwait(false);
                if (_options.Quiet)
                {
                    // Like Test-Path: one answer per user asked about, so a script's list stays aligned.
                    await _host.WriteOutputAsync(false).ConfigureAwait(false);
                }
            }
        }
    }
}
