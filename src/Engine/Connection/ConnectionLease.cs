using System;
using System.Threading;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// One command's claim on a <see cref="GraphConnection"/>: while any lease is held, retiring the connection (a new
/// Connect-EntraStrongAuth in another runspace, Disconnect-EntraStrongAuth) leaves its HTTP resources alone; the last
/// lease returned releases them. Disposing twice returns it once.
/// </summary>
public sealed class ConnectionLease : IDisposable
{
    private int _returned;

    internal ConnectionLease(GraphConnection connection)
    {
        Connection = connection;
    }

    public GraphConnection Connection { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            Connection.ReturnLease();
        }
    }
}
