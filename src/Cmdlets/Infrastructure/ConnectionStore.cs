using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The process-wide Graph connection made by Connect-EntraStrongAuth (like Connect-MgGraph's context), shared by
/// every runspace. Commands lease it (<see cref="LeaseCurrent"/>) for as long as they run, so a reconnect or a
/// disconnect elsewhere retires the old connection without pulling it from under them.
/// </summary>
internal static class ConnectionStore
{
    private static readonly object Gate = new();
    private static GraphConnection? _current;

    /// <summary>The connection now, for a glance at its context; commands that send requests lease it instead.</summary>
    public static GraphConnection? Current
    {
        get
        {
            lock (Gate)
            {
                return _current;
            }
        }
    }

    /// <summary>A lease on the current connection, or null when not connected.</summary>
    public static ConnectionLease? LeaseCurrent()
    {
        // Under the gate the current connection cannot be retired (Set swaps first and retires after), so the lease is granted.
        lock (Gate)
        {
            return _current?.TryLease();
        }
    }

    /// <summary>A lease on the current connection; NotConnected when there is none.</summary>
    public static ConnectionLease RequireLease() =>
        LeaseCurrent() ?? throw new EntraStrongAuthException(
            ErrorIds.NotConnected,
            FailureKind.NotConnected,
            "You are not connected to Microsoft Graph.",
            "Run Connect-EntraStrongAuth first.");

    /// <summary>Replaces the connection; the previous one is retired, and released when the last command using it ends.</summary>
    public static void Set(GraphConnection? connection)
    {
        GraphConnection? previous;
        lock (Gate)
        {
            previous = _current;
            _current = connection;
        }

        // Names cached for Tab completion belong to the previous tenant.
        TenantNameCache.Clear();
        previous?.Dispose();
    }
}
