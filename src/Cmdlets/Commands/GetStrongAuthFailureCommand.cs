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
public sealed class GetStrongAuthFailureCommand : SignInFilterCommandBase
{
    private const string InputObjectSet = "InputObject";

    // No -Path and no input: read the connected tenant through Graph.
    private const string LiveSet = "Live";

    private const string WorkspaceSet = "Workspace";

    private FailureAnalysis? _analysis;

    /// <summary>SignInEvent objects, or Graph PowerShell SDK / ConvertFrom-Json sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Reads the sign-ins from this Log Analytics workspace (its Workspace ID) instead of Microsoft Graph.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WorkspaceSet)]
    public Guid WorkspaceId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AadstsCodeCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int[]? ErrorCode { get; set; }

    [Parameter]
    public FailureCause[]? Cause { get; set; }

    /// <summary>Also show benign interrupts (KMSI, redirect confirmation, step-ups satisfied moments later).</summary>
    [Parameter]
    public SwitchParameter IncludeBenign { get; set; }

    /// <summary>How long after a failure a success of the same user and app still counts as resolving it.</summary>
    [Parameter]
    public TimeSpan ResolutionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One summary object (counts by cause, code, user, app and outcome) instead of one object per failure.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>User automation-apps / scripting-user-agents / cause-rules JSON files (or folders of them) combined with the built-in tables.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ClassificationDataPath { get; set; }

    /// <summary>Only the failures the analyzer classifies are read whole; successes and other codes only link and order.</summary>
    protected override IEnumerable<int>? WholeRecordCodes => _analysis?.ErrorCodes;

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        FailureAnalysis.CheckResolutionWindow(ResolutionWindow);
        var classifier = await ClassifierAsync(ClassificationDataPath).ConfigureAwait(false);

        _analysis = new FailureAnalysis(
            new FailureAnalysisOptions
            {
                Filter = FilterOptions(),
                Causes = Cause,
                ErrorCodes = ErrorCode,
                IncludeBenign = IncludeBenign,
                ResolutionWindow = ResolutionWindow,
                Summary = Summary,
                Classifier = classifier,
            },
            CreateRunHost());
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName != InputObjectSet)
        {
            await ReadSignInsAsync(_analysis!.ObserveAsync, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReadInputObjectAsync(InputObject, _analysis!.ObserveAsync, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName is LiveSet or WorkspaceSet)
        {
            var reader = SignInReader(ParameterSetName == WorkspaceSet ? WorkspaceId : null, CreateRunHost(), 1, "Reading strong-authentication failures", callerReportsHiddenConditionalAccess: true);
            await _analysis!.ReadLiveAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        await _analysis!.CompleteAsync().ConfigureAwait(false);
    }
}
