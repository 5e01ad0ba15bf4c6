using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Names;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>
/// Get-StrongAuthPolicy's work once its parameters are bound: the policies and strengths read (saved files or the
/// tenant), the policies that demand MFA or a strength written with their strength resolved, a -Verbose account of
/// what was set aside, a warning per strength that could not be resolved and an error per name that matched nothing.
/// </summary>
public sealed class PolicyQuery
{
    private readonly PolicyQueryOptions _options;
    private readonly IRunHost _host;

    public PolicyQuery(PolicyQueryOptions options, IRunHost host)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
    }

    public async Task<(IReadOnlyList<StrongAuthPolicy> Policies, IReadOnlyList<AuthenticationStrength> Strengths)> ReadFilesAsync(IEnumerable<string> files)
    {
        var (policies, strengths) = await PolicyReading.ReadFilesAsync(_host, files).ConfigureAwait(false);
        return (policies, strengths);
    }

    public async Task<(IReadOnlyList<StrongAuthPolicy> Policies, IReadOnlyList<AuthenticationStrength> Strengths)> ReadTenantAsync(GraphConnection connection, CancellationToken cancellationToken)
    {
        var retriever = new PolicyRetriever(connection);
        var policies = await PolicyReading.TenantPoliciesAsync(retriever, _host, cancellationToken).ConfigureAwait(false);

        // Custom strengths are read only when a policy names one: built-in ones are known without a request.
        IReadOnlyList<AuthenticationStrength> strengths = policies.Any(p => p.AuthenticationStrengthId is { } id && StrongAuthPolicyFilter.NeedsTenantStrengths(id))
            ? await PolicyReading.TenantStrengthsOrNoneAsync(retriever, _host, "policies show the strength as Graph names it.", cancellationToken).ConfigureAwait(false)
            : Array.Empty<AuthenticationStrength>();

        // One directory lookup names the users, groups, roles and apps of the policies that can be written.
        var demanding = policies.Where(p => p.DemandsStrongAuthentication).ToList();
        var resolver = new DirectoryNameResolver(connection);
        var names = await resolver.ResolveAsync(
            demanding.SelectMany(p => p.TargetedObjectIds()), demanding.SelectMany(p => p.TargetedAppIds()), demanding.SelectMany(p => p.TargetedRoleIds()),
            PolicyReading.Events(_host), cancellationToken).ConfigureAwait(false);

        await _host.WriteVerboseAsync("Read " + policies.Count + " Conditional Access policies and " + strengths.Count + " authentication strengths from Microsoft Graph in " + retriever.Requests + " requests, and the names they target in " + resolver.Requests + ".").ConfigureAwait(false);
        return (policies.Select(p => p.WithNames(names)).ToList(), strengths);
    }

    public async Task WriteSelectedAsync(IReadOnlyList<StrongAuthPolicy> policies, IReadOnlyList<AuthenticationStrength> strengths)
    {
        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        var names = new StrengthNameMatcher(_options.Names);
        var filter = new StrongAuthPolicyFilter(strengths) { States = _options.States?.Distinct().ToList(), IncludeDisabled = _options.IncludeDisabled };
        var named = policies.Where(p => names.Matches(p.DisplayName, p.Id)).ToList();
        var written = new List<string?[]>();
        foreach (var policy in named)
        {
            if (filter.Apply(policy) is { } kept)
            {
                written.Add(new string?[] { kept.DisplayName, kept.Id });
                await _host.WriteOutputAsync(kept).ConfigureAwait(false);
            }
        }

        await _host.WriteVerboseAsync(string.Format(
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
            await _host.WriteWarningAsync("Authentication strength " + id + " is neither built in nor among the strengths read; its combinations are unknown."
                + (_options.FromFiles ? " Add the tenant's saved strengths (policies/authenticationStrengthPolicies) to -Path." : " The connection may lack Policy.Read.All for authentication strengths.")).ConfigureAwait(false);
        }

        foreach (var name in names.Unmatched(written))
        {
            await _host.WriteErrorAsync(
                new EntraStrongAuthException(
                    ErrorIds.StrongAuthPolicyNotFound,
                    FailureKind.ObjectNotFound,
                    "No Conditional Access policy named '" + name + "' that demands MFA or an authentication strength" + (_options.IncludeDisabled || _options.States is not null ? "." : " and is on or report-only."),
                    "Check the name; a policy that only blocks or requires a compliant device is not returned, and -IncludeDisabled adds disabled ones."),
                name).ConfigureAwait(false);
        }
    }
}
