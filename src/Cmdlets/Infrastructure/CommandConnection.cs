using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The Graph connection one command uses from its first request to its end: leased from <see cref="ConnectionStore"/>
/// the first time it is asked for, so a Connect-EntraStrongAuth or Disconnect-EntraStrongAuth in another runspace
/// cannot dispose it mid-command, and returned when the command's work has ended (not before: after Ctrl+C the
/// worker may still be unwinding through it).
/// </summary>
internal sealed class CommandConnection
{
    private readonly object _gate = new();
    private ConnectionLease? _lease;

    /// <summary>The leased connection; NotConnected when there is none.</summary>
    public GraphConnection Require()
    {
        lock (_gate)
        {
            _lease ??= ConnectionStore.RequireLease();
            return _lease.Connection;
        }
    }

    /// <summary>The leased connection, or null when not connected.</summary>
    public GraphConnection? Current()
    {
        lock (_gate)
        {
            _lease ??= ConnectionStore.LeaseCurrent();
            return _lease?.Connection;
        }
    }

    /// <summary>Returns the lease once <paramref name="work"/> (the command's last block) has finished.</summary>
    public void ReleaseAfter(Task? work)
    {
        ConnectionLease? lease;
        lock (_gate)
        {
            lease = _lease;
            _lease = null;
        }

        if (lease is null)
        {
            return;
        }

        if (work is null || work.IsCompleted)
        {
            lease.Dispose();
            return;
        }

        work.ContinueWith(_ => lease.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
