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

    private HeadlessSearch? _search;

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
        _search = new HeadlessSearch(
            new HeadlessSearchOptions
            {
                Filter = new SignInFilterOptions
                {
                    UserPrincipalNames = UserPrincipalName,
                    AppIds = AppId,
                    ExcludeUserPrincipalNames = ExcludeUserPrincipalName,
                    ExcludeGuests = ExcludeGuest,
                    Start = StartTime is { } start ? PSObjectReader.ToUtc(start) : null,
                    End = EndTime is { } end ? PSObjectReader.ToUtc(end) : null,
                },
                MinimumScore = MinimumScore,
                PerApp = PerApp,
            },
            CreateRunHost());
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
            await ReadSignInsAsync(_search!.ObserveAsync, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReadInputObjectAsync(InputObject, _search!.ObserveAsync, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == LiveSet)
        {
            await _search!.ReadLiveAsync(() => LiveHeadlessSource.ForConnection(ConnectionStore.Require(), CreateRunHost()), cancellationToken).ConfigureAwait(false);
        }

        await _search!.CompleteAsync().ConfigureAwait(false);
    }
}
