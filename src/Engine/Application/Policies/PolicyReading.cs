using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Names;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>The reporting side shared by the policy commands: problems as errors or warnings, Graph events as verbose lines.</summary>
public static class PolicyReading
{
    public static async Task ReportAsync(IRunHost host, IEnumerable<PolicyReadProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.IsWarning)
            {
                await host.WriteWarningAsync(problem.ToString()).ConfigureAwait(false);
            }
            else
            {
                await host.WriteErrorAsync(PolicyProblemErrors.ToException(problem), problem).ConfigureAwait(false);
            }
        }
    }

    public static RetrievalEvents Events(IRunHost host) => new()
    {
        Verbose = host.WriteVerboseAsync,
        Warning = host.WriteWarningAsync,
    };

    /// <summary>The tenant's Conditional Access policies, problems reported, names kept for Tab completion.</summary>
    public static async Task<IReadOnlyList<StrongAuthPolicy>> TenantPoliciesAsync(PolicyRetriever retriever, IRunHost host, CancellationToken cancellationToken)
    {
        var result = await retriever.GetConditionalAccessPoliciesAsync(Events(host), cancellationToken).ConfigureAwait(false);
        await ReportAsync(host, result.Problems).ConfigureAwait(false);
        TenantNameCache.Remember(result.Items);

        // Built-in roles and first-party apps are named without a request; a command that shows the policies names the rest (DirectoryNameResolver).
        return result.Items.Select(p => p.WithNames(BuiltInDirectoryNames.All)).ToList();
    }

    /// <summary>
    /// The tenant's authentication strengths, problems reported, names kept for Tab completion. A connection that may
    /// not read them gets a warning ending in <paramref name="consequence"/> and no strengths, so the caller goes on
    /// with the built-in ones.
    /// </summary>
    public static async Task<IReadOnlyList<AuthenticationStrength>> TenantStrengthsOrNoneAsync(PolicyRetriever retriever, IRunHost host, string consequence, CancellationToken cancellationToken)
    {
        try
        {
            var result = await retriever.GetAuthenticationStrengthsAsync(Events(host), cancellationToken).ConfigureAwait(false);
            await ReportAsync(host, result.Problems).ConfigureAwait(false);
            TenantNameCache.Remember(result.Items);
            return result.Items;
        }
        catch (EntraStrongAuthException ex) when (ex.Kind == FailureKind.PermissionDenied)
        {
            await host.WriteWarningAsync("The tenant's authentication strengths could not be read (" + ex.Message + "); " + consequence).ConfigureAwait(false);
            return Array.Empty<AuthenticationStrength>();
        }
    }

    /// <summary>Reads every file, reporting each unreadable one or record, and returns what they held.</summary>
    public static async Task<(List<StrongAuthPolicy> Policies, List<AuthenticationStrength> Strengths)> ReadFilesAsync(IRunHost host, IEnumerable<string> files)
    {
        var policies = new List<StrongAuthPolicy>();
        var strengths = new List<AuthenticationStrength>();
        var names = BuiltInDirectoryNames.All;
        foreach (var file in files)
        {
            var content = PolicyFileReader.Read(file);
            await host.WriteVerboseAsync(string.Format(
                CultureInfo.InvariantCulture,
                "Read {0}: {1} Conditional Access policies, {2} authentication strengths, {3} problems.",
                file,
                content.Policies.Count,
                content.Strengths.Count,
                content.Problems.Count)).ConfigureAwait(false);
            await ReportAsync(host, content.Problems).ConfigureAwait(false);
            policies.AddRange(content.Policies);
            strengths.AddRange(content.Strengths);
            names = content.Names.Merge(names);
        }

        // Names offline: the directory objects saved beside the policies, then built-in roles and first-party apps.
        policies = policies.Select(p => p.WithNames(names)).ToList();

        // Saved policies complete with Tab as the tenant's do (Test-StrongAuthReadiness -Policy). Saved strengths are
        // not remembered: -Name and -AuthenticationStrength complete the tenant's (or built-in) strengths only.
        if (policies.Count > 0)
        {
            TenantNameCache.Remember(policies);
        }

        return (policies, strengths);
    }
}
