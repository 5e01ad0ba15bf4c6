using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Connection;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The Graph connection one command uses from its first request to its end: leased from <see cref="ConnectionStore"/>
/// the first time it is asked for, so a Connect-EntraStrongAuth or Disconnect-EntraStrongAuth in another runspace
/// cannot dispose it mid-command, and returned when the command's work has ended (not before: after Ctrl+C the
/// worker may still be unwinding through it). With no connection of the module's own, a connected Graph PowerShell
/// session seen at the command's start is adopted (<see cref="GraphSessionAdoption"/>).
/// </summary>
internal sealed class CommandConnection
{
    private readonly object _gate = new();
    private readonly GraphSessionSnapshot? _graphSession;
    private readonly Action<string> _announce;
    private ConnectionLease? _lease;

    /// <param name="graphSession">The Graph PowerShell session this command may adopt, or null.</param>
    /// <param name="announce">Where the command says (verbose) that it adopted the session.</param>
    public CommandConnection(GraphSessionSnapshot? graphSession, Action<string> announce)
    {
        _graphSession = graphSession;
        _announce = announce;
    }

    /// <summary>The leased connection; NotConnected when there is none.</summary>
    public GraphConnection Require()
    {
        lock (_gate)
        {
            _lease ??= ConnectionStore.LeaseCurrent() ?? AdoptGraphSession();
            return (_lease ?? throw ConnectionStore.NotConnected()).Connection;
        }
    }

    /// <summary>The leased connection, or null when not connected.</summary>
    public GraphConnection? Current()
    {
        lock (_gate)
        {
            _lease ??= ConnectionStore.LeaseCurrent() ?? AdoptGraphSession();
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

    private ConnectionLease? AdoptGraphSession()
    {
        if (_graphSession is null)
        {
            return null;
        }

        var lease = ConnectionStore.Adopt(GraphSessionAdoption.Adopt(_graphSession), out var adopted);
        if (adopted && lease is not null)
        {
            _announce(GraphSessionAdoption.Announcement(lease.Connection.Context, _graphSession));
        }

        return lease;
    }
}
