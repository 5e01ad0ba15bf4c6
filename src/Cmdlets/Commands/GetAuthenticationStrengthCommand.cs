using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// The authentication strengths with their combinations: the tenant's (built-in and custom) when connected, the
/// built-in ones otherwise, or those in saved Graph JSON files (-Path).
/// </summary>
[Cmdlet(VerbsCommon.Get, "AuthenticationStrength")]
[OutputType(typeof(AuthenticationStrength))]
public sealed class GetAuthenticationStrengthCommand : AsyncPSCmdlet
{
    /// <summary>Display names; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AuthenticationStrengthNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Saved Graph JSON (a page or an array of strengths) instead of the tenant.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Only the built-in strengths.</summary>
    [Parameter]
    public SwitchParameter BuiltIn { get; set; }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var query = new StrengthQuery(new StrengthQueryOptions { Names = Name, Ids = Id, BuiltInOnly = BuiltIn }, CreateRunHost());
        IReadOnlyList<AuthenticationStrength> strengths;
        if (Path is { } paths)
        {
            var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths)).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await WriteErrorAsync(problem, null).ConfigureAwait(false);
            }

            strengths = await query.ReadFilesAsync(files).ConfigureAwait(false);
        }
        else
        {
            strengths = await query.ReadTenantAsync(CurrentConnection(), cancellationToken).ConfigureAwait(false);
        }

        await query.WriteSelectedAsync(strengths).ConfigureAwait(false);
    }
}
