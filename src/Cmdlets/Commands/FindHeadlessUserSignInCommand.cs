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
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Workspace;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Finds user accounts that scripts sign in as, ranked by a headless score with its evidence and the workload
/// identity to move to. Sources as Get-StrongAuthFailure: files, piped sign-ins, or the tenant in two phases.
/// </summary>
[Cmdlet(VerbsCommon.Find, "HeadlessUserSignIn", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(HeadlessFinding))]
public sealed class FindHeadlessUserSignInCommand : SignInFilterCommandBase
{
    private const string InputObjectSet = "InputObject";

    // No -Path and no input: read the connected tenant through Graph.
    private const string LiveSet = "Live";

    private const string WorkspaceSet = "Workspace";

    // Accounts named by piped diagnoses or failures: their files are read once, at the end, for these accounts.
    private readonly List<string> _pipedAccounts = new();

    private HeadlessSearch? _search;

    /// <summary>SignInEvent objects, or Graph PowerShell SDK / ConvertFrom-Json sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Reads the sign-ins from this Log Analytics workspace (its Workspace ID) instead of Microsoft Graph.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WorkspaceSet)]
    public Guid WorkspaceId { get; set; }

    [Parameter]
    [ValidateRange(0, 100)]
    public int MinimumScore { get; set; } = 50;

    /// <summary>With -Path: a Debug-StrongAuthFailure diagnosis whose account is scored over the files.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = PathSet, DontShow = true)]
    public StrongAuthDiagnosis? PipedDiagnosis { get; set; }

    /// <summary>With -Path: a Get-StrongAuthFailure failure whose account is scored over the files.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = PathSet, DontShow = true)]
    public StrongAuthFailure? PipedFailure { get; set; }

    /// <summary>Also score each user + client app pair: a person's account that also runs one script.</summary>
    [Parameter]
    public SwitchParameter PerApp { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        // The parameter set is not known yet when input comes from the pipeline: live defaults wait for EndProcessing.
        _search = NewSearch(FilterOptions());
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName is LiveSet or WorkspaceSet)
        {
            return;
        }

        if ((PipedDiagnosis?.Failure ?? PipedFailure) is { } failure)
        {
            await NoteAccountAsync(failure).ConfigureAwait(false);
            return;
        }

        if (ParameterSetName != InputObjectSet)
        {
            await ReadSignInsAsync(_search!.ObserveAsync, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReadInputObjectAsync(InputObject, _search!.ObserveAsync, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == LiveSet)
        {
            var host = CreateRunHost();
            await _search!.ReadLiveAsync(() => new LiveHeadlessSource(activity => SignInReader(null, host, 1, activity), host), cancellationToken).ConfigureAwait(false);
        }
        else if (ParameterSetName == WorkspaceSet)
        {
            // Kusto aggregates per account; the rows that come back grow with accounts, not sign-ins.
            var host = CreateRunHost();
            await _search!.ReadWorkspaceAsync(() => new WorkspaceHeadlessSource(LogAnalyticsQueryClient.For(RequireConnection(), WorkspaceId), host, WorkspaceId.ToString("D")), cancellationToken).ConfigureAwait(false);
        }

        if (_pipedAccounts.Count > 0)
        {
            // Only the piped accounts (and any -UserPrincipalName) are scored, from one read of the files.
            _search = NewSearch(FilterOptions(_pipedAccounts));
            await ReadSignInsAsync(_search.ObserveAsync, cancellationToken).ConfigureAwait(false);
        }
        else if (MyInvocation.ExpectingInput && (PipedDiagnosis ?? (object?)PipedFailure) is not null)
        {
            // Every piped failure lacked a user principal name: reading the files would score everyone instead.
            return;
        }

        await _search!.CompleteAsync().ConfigureAwait(false);
    }

    private HeadlessSearch NewSearch(SignInFilterOptions filter) => new(
        new HeadlessSearchOptions
        {
            Filter = filter,
            MinimumScore = MinimumScore,
            PerApp = PerApp,
        },
        CreateRunHost());

    private Task NoteAccountAsync(StrongAuthFailure failure)
    {
        if (string.IsNullOrEmpty(failure.UserPrincipalName))
        {
            return WriteWarningAsync("The piped failure of " + failure.CreatedDateTime.ToString("u", CultureInfo.InvariantCulture) + " (sign-in " + failure.SignInId + ") names no user principal name, so its account cannot be searched for in the files; it was skipped.");
        }

        // A user principal name is matched as a wildcard pattern by -UserPrincipalName; this one is a literal name.
        _pipedAccounts.Add(WildcardPattern.Escape(failure.UserPrincipalName));
        return Task.CompletedTask;
    }
}
