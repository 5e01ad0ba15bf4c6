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
    public static ConnectionLease RequireLease() => LeaseCurrent() ?? throw NotConnected();

    /// <summary>The error of a command that needs Graph and finds neither a connection nor a Graph PowerShell session.</summary>
    public static EntraStrongAuthException NotConnected() => new(
        ErrorIds.NotConnected,
        FailureKind.NotConnected,
        "You are not connected to Microsoft Graph.",
        "Run Connect-EntraStrongAuth first (a connected Connect-MgGraph session is used as well when there is no other).");

    /// <summary>
    /// Makes <paramref name="candidate"/> (a Graph PowerShell session's) current unless a connection is there already,
    /// and leases whichever is current; <paramref name="adopted"/> says whether it was the candidate.
    /// </summary>
    public static ConnectionLease? Adopt(GraphConnection candidate, out bool adopted)
    {
        ConnectionLease? lease;
        lock (Gate)
        {
            adopted = _current is null;
            _current ??= candidate;
            lease = _current.TryLease();
        }

        if (!adopted)
        {
            candidate.Dispose();
        }

        return lease;
    }

    /// <summary>Retires <paramref name="stale"/> if it is still the current connection (an adopted session that ended or changed).</summary>
    public static void Retire(GraphConnection stale)
    {
        lock (Gate)
        {
            if (!ReferenceEquals(_current, stale))
            {
                return;
            }

            _current = null;
        }

        TenantNameCache.Clear();
        stale.Dispose();
    }

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
