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
        var host = CreateRunHost();
        var (policies, strengths) = Path is { } paths
            ? await ReadFilesAsync(host, paths).ConfigureAwait(false)
            : await ReadGraphAsync(host, cancellationToken).ConfigureAwait(false);

        var names = new StrengthNameMatcher(Name);
        var filter = new StrongAuthPolicyFilter(strengths) { States = State?.Distinct().ToList(), IncludeDisabled = IncludeDisabled };
        var named = policies.Where(p => names.Matches(p.DisplayName, p.Id)).ToList();
        var written = new List<string?[]>();
        foreach (var policy in named)
        {
            if (filter.Apply(policy) is { } kept)
            {
                written.Add(new string?[] { kept.DisplayName, kept.Id });
                await WriteObjectAsync(kept).ConfigureAwait(false);
            }
        }

        await WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "{0} of {1} Conditional Access policies returned; set aside: {2} that demand neither MFA nor a strength, {3} disabled (-IncludeDisabled shows them), {4} in other states than -State, {5} not matching -Name.",
            written.Count,
            policies.Count,
            filter.NotStrongAuth,
            filter.DisabledSkipped,
            filter.StateSkipped,
            policies.Count - named.Count)).ConfigureAwait(false);
        foreach (var id in filter.UnresolvedStrengths)
        {
            await WriteWarningAsync("Authentication strength " + id + " is neither built in nor among the strengths read; its combinations are unknown."
                + (Path is null ? " The connection may lack Policy.Read.All for authentication strengths." : " Add the tenant's saved strengths (policies/authenticationStrengthPolicies) to -Path.")).ConfigureAwait(false);
        }

        foreach (var name in names.Unmatched(written))
        {
            await WriteErrorAsync(
                new EntraStrongAuthException(
                    "StrongAuthPolicyNotFound",
                    FailureKind.ObjectNotFound,
                    "No Conditional Access policy named '" + name + "' that demands MFA or an authentication strength" + (IncludeDisabled || State is not null ? "." : " and is on or report-only."),
                    "Check the name; a policy that only blocks or requires a compliant device is not returned, and -IncludeDisabled adds disabled ones."),
                name).ConfigureAwait(false);
        }
    }

    private async Task<(IReadOnlyList<StrongAuthPolicy>, IReadOnlyList<AuthenticationStrength>)> ReadFilesAsync(IRunHost host, string[] paths)
    {
        var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths)).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await WriteErrorAsync(problem, null).ConfigureAwait(false);
        }

        var (policies, strengths) = await PolicyReading.ReadFilesAsync(host, files).ConfigureAwait(false);
        return (policies, strengths);
    }

    private async Task<(IReadOnlyList<StrongAuthPolicy>, IReadOnlyList<AuthenticationStrength>)> ReadGraphAsync(IRunHost host, CancellationToken cancellationToken)
    {
        var retriever = new PolicyRetriever(ConnectionStore.Require());
        var policies = await PolicyReading.TenantPoliciesAsync(retriever, host, cancellationToken).ConfigureAwait(false);

        // Custom strengths are read only when a policy names one: built-in ones are known without a request.
        IReadOnlyList<AuthenticationStrength> strengths = policies.Any(p => p.AuthenticationStrengthId is { } id && StrongAuthPolicyFilter.NeedsTenantStrengths(id))
            ? await PolicyReading.TenantStrengthsOrNoneAsync(retriever, host, "policies show the strength as Graph names it.", cancellationToken).ConfigureAwait(false)
            : Array.Empty<AuthenticationStrength>();

        await WriteVerboseAsync("Read " + policies.Count + " Conditional Access policies and " + strengths.Count + " authentication strengths from Microsoft Graph in " + retriever.Requests + " requests.").ConfigureAwait(false);
        return (policies, strengths);
    }
}
