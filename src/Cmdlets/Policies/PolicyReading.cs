using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Cmdlets.Policies;

/// <summary>The reporting side shared by the policy commands: problems as errors or warnings, Graph events as verbose lines.</summary>
internal static class PolicyReading
{
    public static async Task ReportAsync(CmdletWriters writers, IEnumerable<PolicyReadProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.IsWarning)
            {
                await writers.Warning(problem.ToString()).ConfigureAwait(false);
            }
            else
            {
                await writers.Error(PolicyProblemErrors.ToException(problem), problem).ConfigureAwait(false);
            }
        }
    }

    public static RetrievalEvents Events(CmdletWriters writers) => new()
    {
        Verbose = writers.Verbose,
        Warning = writers.Warning,
    };

    /// <summary>Reads every file, reporting each unreadable one or record, and returns what they held.</summary>
    public static async Task<(List<StrongAuthPolicy> Policies, List<Core.Strength.AuthenticationStrength> Strengths)> ReadFilesAsync(CmdletWriters writers, IEnumerable<string> files)
    {
        var policies = new List<StrongAuthPolicy>();
        var strengths = new List<Core.Strength.AuthenticationStrength>();
        foreach (var file in files)
        {
            var content = PolicyFileReader.Read(file);
            await writers.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "Read {0}: {1} Conditional Access policies, {2} authentication strengths, {3} problems.",
                file,
                content.Policies.Count,
                content.Strengths.Count,
                content.Problems.Count)).ConfigureAwait(false);
            await ReportAsync(writers, content.Problems).ConfigureAwait(false);
            policies.AddRange(content.Policies);
            strengths.AddRange(content.Strengths);
        }

        return (policies, strengths);
    }
}
