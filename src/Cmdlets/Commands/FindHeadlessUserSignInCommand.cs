using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Finds user accounts that scripts sign in as, ranked by a headless score with its evidence and the workload
/// identity to move to. Sources as Get-StrongAuthFailure: files, piped sign-ins, or the tenant in two phases.
/// </summary>
[Cmdlet(VerbsCommon.Find, "HeadlessUserSignIn", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(HeadlessFinding))]
public sealed class FindHeadlessUserSignInCommand : SignInLogCommandBase
{
    private const string InputObjectSet = "InputObject";

    // No -Path and no input: read the connected tenant through Graph.
    private const string LiveSet = "Live";

    // Cadence and "never signs in interactively" need days of history; Get-SignInLog's one day is too short.
    private static readonly TimeSpan DefaultLiveWindow = TimeSpan.FromDays(7);

    private HeadlessScorer? _scorer;
    private SignInSelection _selection = new(null, null, null, excludeGuests: false);
    private DateTimeOffset? _start;
    private DateTimeOffset? _end;
    private long _scored;

    /// <summary>SignInEvent objects, or Graph PowerShell SDK / ConvertFrom-Json sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Live: default 7 days before -EndTime. Files and input: no lower bound.</summary>
    [Parameter]
    public DateTime? StartTime { get; set; }

    /// <summary>Live: default now. Files and input: no upper bound.</summary>
    [Parameter]
    public DateTime? EndTime { get; set; }

    [Parameter]
    [SupportsWildcards]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AppId { get; set; }

    [Parameter]
    [ValidateRange(0, 100)]
    public int MinimumScore { get; set; } = 50;

    /// <summary>Also score each user + client app pair: a person's account that also runs one script.</summary>
    [Parameter]
    public SwitchParameter PerApp { get; set; }

    /// <summary>Accounts set aside (wildcards, case-insensitive), e.g. known service accounts already being migrated.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    /// <summary>Sets aside guests (userType Guest, or a home tenant other than the resource tenant).</summary>
    [Parameter]
    public SwitchParameter ExcludeGuest { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        // The parameter set is not known yet when input comes from the pipeline: live defaults wait for EndProcessing.
        _end = EndTime is { } e ? PSObjectReader.ToUtc(e) : null;
        _start = StartTime is { } s ? PSObjectReader.ToUtc(s) : null;
        CheckWindow();
        _selection = new SignInSelection(UserPrincipalName, AppId, ExcludeUserPrincipalName, ExcludeGuest);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == LiveSet)
        {
            return;
        }

        if (ParameterSetName != InputObjectSet)
        {
            await ReadSignInsAsync(ObserveAsync, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReadInputObjectAsync(InputObject, ObserveAsync, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == LiveSet)
        {
            _end ??= DateTimeOffset.UtcNow;
            _start ??= _end.Value - DefaultLiveWindow;
            CheckWindow();
            var window = new SignInQuery(_start.Value, _end.Value)
            {
                // Exact names skip phase 1 and go to the server; wildcard patterns are matched on phase-1 candidates.
                UserPrincipalNames = UserPrincipalName is { } names && !names.Any(WildcardPattern.ContainsWildcardCharacters) ? names : Array.Empty<string>(),
                AppIds = AppId ?? Array.Empty<string>(),
            };
            await new LiveHeadlessSource(ConnectionStore.Require(), CreateRunHost()).ReadAsync(window, _selection.WantsAccount, ObserveAsync, cancellationToken).ConfigureAwait(false);
        }

        var findings = Scorer().Findings();
        await WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Scored {0:N0} sign-ins: {1} findings at or above {2}.", _scored, findings.Count, MinimumScore)).ConfigureAwait(false);
        if (_selection.Exclusions.IsActive)
        {
            await WriteVerboseAsync(_selection.Exclusions.SignIns + " sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest; they are not scored.").ConfigureAwait(false);
        }

        foreach (var finding in findings)
        {
            await WriteObjectAsync(finding).ConfigureAwait(false);
        }
    }

    private void CheckWindow()
    {
        if (_start is { } from && _end is { } to && to <= from)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                "InvalidTimeRange",
                FailureKind.InvalidArgument,
                "-EndTime (" + to.ToString("u", CultureInfo.InvariantCulture) + ") must be after -StartTime (" + from.ToString("u", CultureInfo.InvariantCulture) + ").",
                null,
                "Swap or correct the times; live, -StartTime defaults to 7 days before -EndTime."));
        }
    }

    // Made at the first sign-in or at the end, once the window (with the live defaults) is final.
    private HeadlessScorer Scorer() =>
        _scorer ??= new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = MinimumScore, PerApp = PerApp, WindowStart = _start, WindowEnd = _end });

    private Task ObserveAsync(SignInEvent signIn)
    {
        if ((_start is { } from && signIn.CreatedDateTime < from)
            || (_end is { } to && signIn.CreatedDateTime >= to)
            || !_selection.Selects(signIn))
        {
            return Task.CompletedTask;
        }

        _scored++;
        Scorer().Add(signIn);
        return Task.CompletedTask;
    }
}
