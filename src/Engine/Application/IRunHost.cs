using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application;

/// <summary>
/// Where an application service reports while it runs: the command that called it. The cmdlets adapt PowerShell's
/// streams to this (verbose, warning, progress, non-terminating errors, output); unit tests use a recording fake.
/// Every call is awaited, so a slow consumer slows the service instead of queueing without bound.
/// </summary>
public interface IRunHost
{
    /// <summary>One result object for the pipeline.</summary>
    Task WriteOutputAsync(object? value);

    Task WriteVerboseAsync(string text);

    Task WriteWarningAsync(string text);

    Task WriteProgressAsync(RunProgress progress);

    /// <summary>
    /// A non-terminating error: <paramref name="failure"/> carries the stable error id, the kind (which the host maps
    /// to its error category) and the advice; <paramref name="target"/> is what it is about.
    /// </summary>
    Task WriteErrorAsync(EntraStrongAuthException failure, object? target);
}
