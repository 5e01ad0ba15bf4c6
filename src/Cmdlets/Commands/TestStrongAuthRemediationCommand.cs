using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Remediation;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Remediation;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Proof that a fix worked: for each user, user + app or script, compares the sign-ins of a window before the fix
/// with those after it and says Fixed, NotFixed or Inconclusive, with the evidence. From -Path files or live.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "StrongAuthRemediation", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(RemediationResult), typeof(bool))]
public sealed class TestStrongAuthRemediationCommand : SignInLogCommandBase
{
    private const string LiveSet = "Live";

    private const string WorkspaceSet = "Workspace";

    private RemediationCheck? _check;

    /// <summary>As the base's -Path, but not from the pipeline: piped objects are subjects here, and a string piped
    /// without -Path would otherwise bind to -Path and be read as a file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public override string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Reads the sign-ins from this Log Analytics workspace (its Workspace ID) instead of Microsoft Graph.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WorkspaceSet)]
    public Guid WorkspaceId { get; set; }

    /// <summary>Subjects: Get-StrongAuthFailure failures, Find-HeadlessUserSignIn findings, any object with
    /// UserPrincipalName / UserId / AppId (/ ServicePrincipalId) properties, or UPN strings.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    /// <summary>Narrows each named user to these client apps; without users, each app (any user) is a subject.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AppId { get; set; }

    /// <summary>The service principal or managed identity (object id or app id) the automation should now sign in as.</summary>
    [Parameter]
    [Alias("ManagedIdentityId")]
    [ValidateNotNullOrEmpty]
    public string? ServicePrincipalId { get; set; }

    /// <summary>When the fix was made: before = [FixedAt − Window, FixedAt), after = [FixedAt, AfterEnd).</summary>
    [Parameter(Mandatory = true)]
    public DateTime FixedAt { get; set; }

    /// <summary>The length of the before-window. Default 7 days.</summary>
    [Parameter]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An explicit start of the before-window, instead of FixedAt − Window.</summary>
    [Parameter]
    public DateTime? BeforeStart { get; set; }

    /// <summary>The end of the after-window. Default: now.</summary>
    [Parameter]
    [Alias("EndTime")]
    public DateTime? AfterEnd { get; set; }

    /// <summary>A person is judged only with at least this many sign-ins after the fix. Default 3.</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int MinimumSignIns { get; set; } = 3;

    /// <summary>Only $true (every subject Fixed) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        var options = new RemediationCheckOptions(PSObjectReader.ToUtc(FixedAt))
        {
            Window = Window,
            BeforeStart = BeforeStart is { } before ? PSObjectReader.ToUtc(before) : null,
            AfterEnd = AfterEnd is { } after ? PSObjectReader.ToUtc(after) : null,
            MinimumSignIns = MinimumSignIns,
            Quiet = Quiet,
            UserPrincipalNames = UserPrincipalName,
            AppIds = AppId,
            ServicePrincipalId = ServicePrincipalId,
        };
        _check = new RemediationCheck(options, CreateRunHost(), DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (InputObject is null)
        {
            return Task.CompletedTask;
        }

        if (RemediationSubjectReader.Read(InputObject, ServicePrincipalId) is { } subject)
        {
            _check!.AddSubject(subject);
            return Task.CompletedTask;
        }

        return WriteErrorAsync(
            new EntraStrongAuthException(ErrorIds.InvalidRemediationSubject, FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(InputObject) + ") names no user or app: it needs a UserPrincipalName, UserId or AppId property.", "Pipe Get-StrongAuthFailure or Find-HeadlessUserSignIn output, objects with those properties, or UPN strings."),
            InputObject);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var check = _check!;
        await check.StartAsync().ConfigureAwait(false);
        if (ParameterSetName is LiveSet or WorkspaceSet)
        {
            var reader = SignInReader(ParameterSetName == WorkspaceSet ? WorkspaceId : null, CreateRunHost(), 1, "Reading the subjects' sign-ins");
            await check.ReadLiveAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReadSignInsAsync(check.ObserveAsync, cancellationToken).ConfigureAwait(false);
        }

        await check.CompleteAsync().ConfigureAwait(false);
    }
}
