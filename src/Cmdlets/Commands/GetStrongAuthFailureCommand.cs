using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Classification;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Explains every strong-authentication failure in sign-in logs: cause, confidence, evidence, remedy and whether a
/// later success resolved it. Reading and classifying stay in the Engine and Core; only failures become output.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StrongAuthFailure", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(StrongAuthFailure), typeof(StrongAuthSummary))]
public sealed class GetStrongAuthFailureCommand : SignInLogCommandBase
{
    private const string InputObjectSet = "InputObject";

    // No -Path and no input: read the connected tenant through Graph.
    private const string LiveSet = "Live";

    private StrongAuthAnalyzerOptions? _options;
    private StrongAuthAnalyzer? _analyzer;
    private StrongAuthSummaryBuilder? _summary;
    private SignInSelection _selection = new(null, null, null, excludeGuests: false);

    /// <summary>SignInEvent objects, or Graph PowerShell SDK / ConvertFrom-Json sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AadstsCodeCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int[]? ErrorCode { get; set; }

    [Parameter]
    public FailureCause[]? Cause { get; set; }

    [Parameter]
    [SupportsWildcards]
    [Alias("UPN")]
    public string[]? UserPrincipalName { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string[]? AppId { get; set; }

    [Parameter]
    public DateTime? StartTime { get; set; }

    [Parameter]
    public DateTime? EndTime { get; set; }

    /// <summary>Also show benign interrupts (KMSI, redirect confirmation, step-ups satisfied moments later).</summary>
    [Parameter]
    public SwitchParameter IncludeBenign { get; set; }

    /// <summary>How long after a failure a success of the same user and app still counts as resolving it.</summary>
    [Parameter]
    public TimeSpan ResolutionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One summary object (counts by cause, code, user, app and outcome) instead of one object per failure.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Sign-ins of these accounts (wildcards, case-insensitive) are set aside and counted, e.g. break-glass accounts.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    /// <summary>Sets aside guests (userType Guest, or a home tenant other than the resource tenant) and counts them.</summary>
    [Parameter]
    public SwitchParameter ExcludeGuest { get; set; }

    /// <summary>User automation-apps / scripting-user-agents / cause-rules JSON files (or folders of them) combined with the built-in tables.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ClassificationDataPath { get; set; }

    /// <summary>Only the failures the analyzer classifies are read whole; successes and other codes only link and order.</summary>
    protected override IEnumerable<int>? WholeRecordCodes => _analyzer?.ErrorCodes;

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        if (ResolutionWindow <= TimeSpan.Zero || ResolutionWindow > TimeSpan.FromDays(7))
        {
            throw new EntraStrongAuthException("InvalidResolutionWindow", FailureKind.InvalidArgument, "-ResolutionWindow must be more than zero and at most 7 days; got " + ResolutionWindow + ".", "Pass a window such as (New-TimeSpan -Minutes 10).");
        }

        _options = new StrongAuthAnalyzerOptions
        {
            ErrorCodes = ErrorCode,
            IncludeBenign = IncludeBenign || (Cause?.Contains(FailureCause.BenignInterrupt) ?? false),
            ResolutionWindow = ResolutionWindow,
        };
        if (ClassificationDataPath is { } dataPaths)
        {
            var data = await InvokeOnPipelineAsync(() => ClassificationDataLoader.Load(this, dataPaths)).ConfigureAwait(false);
            _options.Classifier = new StrongAuthClassifier(data, Core.Aadsts.AadstsCatalog.BuiltIn);
            await WriteVerboseAsync("Classification data: " + data.AutomationApps.Count + " automation apps, " + data.ScriptingUserAgents.Count + " user-agent patterns, rules from " + data.Rules.Source + ".").ConfigureAwait(false);
        }

        // The analyzer detects the input order itself (InputOrder defaults to Detect).
        _analyzer = new StrongAuthAnalyzer(_options);
        _selection = new SignInSelection(UserPrincipalName, AppId, ExcludeUserPrincipalName, ExcludeGuest);
        _summary = Summary ? new StrongAuthSummaryBuilder() : null;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
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
            await ReadLiveAsync(cancellationToken).ConfigureAwait(false);
        }

        await EmitAsync(_analyzer!.Complete()).ConfigureAwait(false);
        await WriteVerboseAsync("Input order: " + _analyzer.InputOrder + ".").ConfigureAwait(false);
        if (_analyzer.OrderWarning is { } warning)
        {
            await WriteVerboseAsync(warning).ConfigureAwait(false);
        }

        if (_analyzer.BenignHidden > 0)
        {
            await WriteVerboseAsync(_analyzer.BenignHidden + " benign interrupts hidden; use -IncludeBenign to see them.").ConfigureAwait(false);
        }

        if (_selection.Exclusions.IsActive)
        {
            await WriteVerboseAsync(_selection.Exclusions.SignIns + " sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest (" + _selection.Exclusions.Failures + " of them failed); they are not analysed.").ConfigureAwait(false);
        }

        if (_summary is not null)
        {
            _summary.SetExcluded(_selection.Exclusions.SignIns, _selection.Exclusions.Failures);
            await WriteObjectAsync(_summary.Build()).ConfigureAwait(false);
        }
    }

    private async Task ReadLiveAsync(CancellationToken cancellationToken)
    {
        var end = EndTime is { } e ? PSObjectReader.ToUtc(e) : DateTimeOffset.UtcNow;
        var start = StartTime is { } s ? PSObjectReader.ToUtc(s) : end.AddDays(-1);
        var query = new Core.Retrieval.SignInQuery(start, end)
        {
            // Exact names go to the server; wildcard patterns are matched here, on the failures that come back.
            UserPrincipalNames = UserPrincipalName is { } names && !names.Any(WildcardPattern.ContainsWildcardCharacters) ? names : Array.Empty<string>(),
            AppIds = AppId ?? Array.Empty<string>(),
            ErrorCodes = _analyzer!.ErrorCodes.ToArray(),
        };
        var linkWindow = new[] { _options!.ResolutionWindow, _options.SameFlowWindow, _options.BenignWindow }.Max();
        var source = new LiveFailureSource(new LiveSignInReader(ConnectionStore.Require(), CreateRunHost(), 1, "Reading strong-authentication failures from Microsoft Graph"), WriteVerboseAsync);
        await source.ReadAsync(query, linkWindow, ObserveAsync, cancellationToken).ConfigureAwait(false);
    }

    private Task ObserveAsync(SignInEvent signIn)
    {
        // User and app filters apply before linking: a failure's resolving success has the same user and app.
        if (!_selection.Selects(signIn))
        {
            return Task.CompletedTask;
        }

        var finalized = _analyzer!.Observe(signIn);
        return finalized.Count == 0 ? Task.CompletedTask : EmitAsync(finalized);
    }

    private async Task EmitAsync(IReadOnlyList<StrongAuthFailure> failures)
    {
        foreach (var failure in failures)
        {
            if (!Wanted(failure))
            {
                continue;
            }

            if (_summary is not null)
            {
                _summary.Add(failure);
            }
            else
            {
                await WriteObjectAsync(failure).ConfigureAwait(false);
            }
        }
    }

    // The time range applies to failures only, so a success just after -EndTime can still resolve one inside it.
    private bool Wanted(StrongAuthFailure failure) =>
        (Cause is null || Cause.Contains(failure.Cause))
        && (StartTime is null || failure.CreatedDateTime >= PSObjectReader.ToUtc(StartTime.Value))
        && (EndTime is null || failure.CreatedDateTime <= PSObjectReader.ToUtc(EndTime.Value));
}
