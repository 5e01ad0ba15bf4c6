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
public sealed class FindHeadlessUserSignInCommand : SignInFilterCommandBase
{
    private const string InputObjectSet = "InputObject";

    // No -Path and no input: read the connected tenant through Graph.
    private const string LiveSet = "Live";

    private HeadlessSearch? _search;

    /// <summary>SignInEvent objects, or Graph PowerShell SDK / ConvertFrom-Json sign-ins.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    [ValidateRange(0, 100)]
    public int MinimumScore { get; set; } = 50;

    /// <summary>Also score each user + client app pair: a person's account that also runs one script.</summary>
    [Parameter]
    public SwitchParameter PerApp { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        // The parameter set is not known yet when input comes from the pipeline: live defaults wait for EndProcessing.
        _search = new HeadlessSearch(
            new HeadlessSearchOptions
            {
                Filter = FilterOptions(),
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
            await _search!.ReadLiveAsync(() => LiveHeadlessSource.ForConnection(RequireConnection(), CreateRunHost()), cancellationToken).ConfigureAwait(false);
        }

        await _search!.CompleteAsync().ConfigureAwait(false);
    }
}
