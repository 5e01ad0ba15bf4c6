using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// The Conditional Access policies that demand MFA or an authentication strength, report-only included, each with
/// its strength resolved: from the tenant (beta conditionalAccess/policies) or from saved Graph JSON (-Path).
/// </summary>
[Cmdlet(VerbsCommon.Get, "StrongAuthPolicy")]
[OutputType(typeof(StrongAuthPolicy))]
public sealed class GetStrongAuthPolicyCommand : AsyncPSCmdlet
{
    /// <summary>Policy display names or ids; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(StrongAuthPolicyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only policies in these states (Off included when named here).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public PolicyState[]? State { get; set; }

    /// <summary>Also disabled (Off) policies.</summary>
    [Parameter]
    public SwitchParameter IncludeDisabled { get; set; }

    /// <summary>Saved Graph JSON (policies, and the tenant's strengths to resolve them) instead of the tenant.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var query = new PolicyQuery(
            new PolicyQueryOptions { Names = Name, States = State, IncludeDisabled = IncludeDisabled, FromFiles = Path is not null },
            CreateRunHost());
        IReadOnlyList<StrongAuthPolicy> policies;
        IReadOnlyList<AuthenticationStrength> strengths;
        if (Path is { } paths)
        {
            var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths)).ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await WriteErrorAsync(problem, null).ConfigureAwait(false);
            }

            (policies, strengths) = await query.ReadFilesAsync(files).ConfigureAwait(false);
        }
        else
        {
            (policies, strengths) = await query.ReadTenantAsync(RequireConnection(), cancellationToken).ConfigureAwait(false);
        }

        await query.WriteSelectedAsync(policies, strengths).ConfigureAwait(false);
    }
}
