using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The input files every reading command resolves the same way: sign-in logs and saved tenant data. A path problem is
/// a non-terminating error and the rest is still read; a warning (a folder link not followed) is written. Commands
/// that also report what they could not read (Export-StrongAuthReport) get each problem and warning through
/// <c>noted</c>.
/// </summary>
public abstract partial class AsyncPSCmdlet
{
    /// <summary>The sign-in log files <paramref name="paths"/> name (folders listed, wildcards expanded unless literal).</summary>
    private protected async Task<IReadOnlyList<string>> ResolveSignInFilesAsync(string[] paths, bool literal, bool recurse, CancellationToken cancellationToken, Action<string>? noted = null)
    {
        var resolved = await InvokeOnPipelineAsync(() => SignInPathResolver.Resolve(this, paths, literal, recurse, cancellationToken)).ConfigureAwait(false);
        foreach (var problem in resolved.Problems)
        {
            noted?.Invoke(problem.Message);
            await WriteErrorAsync(problem, null).ConfigureAwait(false);
        }

        foreach (var warning in resolved.Warnings)
        {
            noted?.Invoke(warning);
            await WriteWarningAsync(warning).ConfigureAwait(false);
        }

        return resolved.Files;
    }

    /// <summary>Saved tenant data (registration details, methods, methods policy, strengths, policies) opened as enrollment data.</summary>
    private protected async Task<(IEnrollmentData Data, IReadOnlyList<string> Files)> OpenTenantDataAsync(string[] paths, Action<string>? noted = null)
    {
        var (files, problems) = await InvokeOnPipelineAsync(() => PolicyPathResolver.Resolve(this, paths, FileEnrollmentData.FilePatterns)).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            noted?.Invoke(problem.Message);
            await WriteErrorAsync(problem, null).ConfigureAwait(false);
        }

        return (await FileEnrollmentData.OpenAsync(files, CreateRunHost()).ConfigureAwait(false), files);
    }
}
