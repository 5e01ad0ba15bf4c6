using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>
/// Per-user concurrency of the query API: <c>maxRunning</c> queries run at once, up to <c>queueLength</c> more wait
/// (each at most <c>queueTimeout</c>); a query beyond the queue, or one that waited too long, is refused (429).
/// </summary>
internal sealed class QueryGate(int maxRunning, int queueLength, TimeSpan queueTimeout)
{
    private readonly Dictionary<string, (SemaphoreSlim Slots, int Waiting)> users = new(StringComparer.Ordinal);

    /// <summary>A slot to release when the query ends, or null when the query is refused.</summary>
    public async Task<IDisposable?> EnterAsync(string user, CancellationToken cancellationToken)
    {
        if (maxRunning <= 0)
        {
            return new Slot(null);
        }

        SemaphoreSlim slots;
        lock (users)
        {
            var entry = users.TryGetValue(user, out var found) ? found : (Slots: new SemaphoreSlim(maxRunning, maxRunning), Waiting: 0);
            if (entry.Slots.CurrentCount == 0 && entry.Waiting >= queueLength)
            {
                return null;
            }

            users[user] = (entry.Slots, entry.Waiting + 1);
            slots = entry.Slots;
        }

        bool entered;
        try
        {
            entered = await slots.WaitAsync(queueTimeout, cancellationToken);
        }
        finally
        {
            lock (users)
            {
                var entry = users[user];
                users[user] = (entry.Slots, entry.Waiting - 1);
            }
        }

        return entered ? new Slot(slots) : null;
    }

    private sealed class Slot(SemaphoreSlim? slots) : IDisposable
    {
        private SemaphoreSlim? held = slots;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
