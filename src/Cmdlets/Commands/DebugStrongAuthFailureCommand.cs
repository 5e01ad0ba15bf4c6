using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Classification;
using EntraStrongAuth.Cmdlets.Diagnosis;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// The whole step-by-step diagnosis of one strong-authentication failure, from the error a user pastes, its ids, a
/// user and a time, or piped failures: one StrongAuthDiagnosis per failure. Live from the tenant, or from -Path
/// files (with -TenantDataPath for policies and registration).
/// </summary>
[Cmdlet(VerbsDiagnostic.Debug, "StrongAuthFailure", DefaultParameterSetName = MessageSet)]
[OutputType(typeof(StrongAuthDiagnosis))]
public sealed class DebugStrongAuthFailureCommand : TenantEvidenceCommandBase
{
    private const string MessageSet = "Message";
    private const string IdSet = "Id";
    private const string UserSet = "User";
    private const string InputObjectSet = "InputObject";

    private FailureDiagnosis? _diagnosis;

    /// <summary>The error text as the user saw it: AADSTS codes, Trace ID, Correlation ID, Timestamp.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = MessageSet)]
    [ValidateNotNullOrEmpty]
    public string[] Message { get; set; } = Array.Empty<string>();

    /// <summary>Error text, $Error[0], Resolve-AadstsError output, Get-StrongAuthFailure output or failed sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    [Parameter(ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public string? CorrelationId { get; set; }

    /// <summary>The request id: an error message's Trace ID.</summary>
    [Parameter(ParameterSetName = IdSet)]
    [Alias("TraceId")]
    [ValidateNotNullOrEmpty]
    public string? RequestId { get; set; }

    [Parameter(ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public string? SignInId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = UserSet)]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string? UserPrincipalName { get; set; }

    /// <summary>When the failure happened (local time unless it says otherwise).</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = IdSet)]
    public DateTime? At { get; set; }

    /// <summary>How far either side of -At to look for the user's failures.</summary>
    [Parameter(ParameterSetName = UserSet)]
    public TimeSpan Around { get; set; } = DiagnosisRequest.DefaultAround;

    /// <summary>Days of the account's and app's history read before the failure (headless scoring, recovery, last proof).</summary>
    [Parameter]
    [ValidateRange(1, 30)]
    public int HistoryDays { get; set; } = 7;

    [Parameter]
    public TimeSpan ResolutionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many failures per request (the newest).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int First { get; set; } = 10;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ClassificationDataPath { get; set; }

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        CheckSignInSource();
        FailureAnalysis.CheckResolutionWindow(ResolutionWindow);
        var classifier = await ClassifierAsync(ClassificationDataPath).ConfigureAwait(false);

        _diagnosis = new FailureDiagnosis(new FailureDiagnosisOptions { History = TimeSpan.FromDays(HistoryDays), ResolutionWindow = ResolutionWindow, First = First, Classifier = classifier }, CreateRunHost());
        switch (ParameterSetName)
        {
            case MessageSet:
                foreach (var text in Message)
                {
                    await WriteErrorsAsync(DiagnosisInputReader.AddMessage(text, _diagnosis), text).ConfigureAwait(false);
                }

                break;
            case IdSet:
                DiagnosisTarget.RequireIds(CorrelationId, RequestId, SignInId);
                _diagnosis.Add(new DiagnosisRequest { CorrelationId = CorrelationId, RequestId = RequestId, SignInId = SignInId, At = DiagnosisTarget.Utc(At) });
                break;
            case UserSet:
                _diagnosis.Add(new DiagnosisRequest { UserPrincipalName = UserPrincipalName, At = DiagnosisTarget.Utc(At), Around = Around });
                break;
        }
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        ParameterSetName == InputObjectSet ? WriteErrorsAsync(DiagnosisInputReader.Add(InputObject, _diagnosis!), InputObject) : Task.CompletedTask;

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (_diagnosis!.Pending == 0)
        {
            return;
        }

        var host = CreateRunHost();
        IDiagnosisSignIns? source = null;
        if (Path is not null)
        {
            source = new FileDiagnosisSignIns(await SignInFilesAsync(cancellationToken).ConfigureAwait(false), host, Format);
        }
        else if (ParameterSetName != InputObjectSet || DiagnosisTarget.NeedsSource(_diagnosis) || CurrentConnection() is not null)
        {
            source = new LiveDiagnosisSignIns(LiveSignIns(host, 2, "Reading sign-ins", callerReportsHiddenConditionalAccess: true));
        }

        var tenant = await TenantDataFilesAsync().ConfigureAwait(false) ?? (source is { Live: true } ? new TenantEnrollmentData(RequireConnection(), host) : null);
        await _diagnosis.RunAsync(source, tenant, DiagnosisTarget.NoTenantData, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteErrorsAsync(IEnumerable<EntraStrongAuthException> errors, object? target)
    {
        foreach (var error in errors)
        {
            await WriteErrorAsync(error, target).ConfigureAwait(false);
        }
    }
}
