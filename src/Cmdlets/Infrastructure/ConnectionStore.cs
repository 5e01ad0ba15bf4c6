using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>The process-wide Graph connection made by Connect-EntraStrongAuth (like Connect-MgGraph's context).</summary>
internal static class ConnectionStore
{
    private static readonly object Gate = new();
    private static GraphConnection? _current;

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

    public static GraphConnection Require() =>
        Current ?? throw new EntraStrongAuthException(
            ErrorIds.NotConnected,
            FailureKind.NotConnected,
            "You are not connected to Microsoft Graph.",
            "Run Connect-EntraStrongAuth first.");

    /// <summary>Replaces the connection; the previous one's HTTP resources are released.</summary>
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
