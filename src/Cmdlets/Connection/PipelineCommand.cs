using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Cmdlets.Connection;

/// <summary>
/// The command whose block is running on this async flow, so work started deep inside the Engine (a Graph SDK
/// request asking its credential for a token) can still run a PowerShell call on that command's pipeline thread.
/// An AsyncLocal flows into the block's Task.Run and every await below it, and into nothing else.
/// </summary>
internal static class PipelineCommand
{
    private static readonly AsyncLocal<IPipelineInvoker?> Running = new();

    /// <summary>The command running on this flow, or null outside any command's block.</summary>
    public static IPipelineInvoker? Current => Running.Value;

    /// <summary>Makes <paramref name="command"/> current for the work started until the returned scope ends.</summary>
    public static Scope Enter(IPipelineInvoker command)
    {
        var outer = Running.Value;
        Running.Value = command;
        return new Scope(outer);
    }

    /// <summary>Restores the command that was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly IPipelineInvoker? _outer;

        internal Scope(IPipelineInvoker? outer)
        {
            _outer = outer;
        }

        public void Dispose() => Running.Value = _outer;
    }
}

/// <summary>A running command that can run a function on its pipeline thread.</summary>
internal interface IPipelineInvoker
{
    Task<T> InvokeOnPipelineThreadAsync<T>(Func<PSCmdlet, T> function, CancellationToken cancellationToken);
}
