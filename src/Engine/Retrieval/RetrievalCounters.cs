using System.Threading;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>Counts shared by the workers of one retrieval (thread-safe).</summary>
internal sealed class RetrievalCounters
{
    private int _requests;
    private int _throttled;
    private int _retries;
    private long _records;

    public int Requests => Volatile.Read(ref _requests);

    public int Throttled => Volatile.Read(ref _throttled);

    public int Retries => Volatile.Read(ref _retries);

    public long Records => Interlocked.Read(ref _records);

    public void AddRequest() => Interlocked.Increment(ref _requests);

    public void AddThrottled() => Interlocked.Increment(ref _throttled);

    public void AddRetry() => Interlocked.Increment(ref _retries);

    public long AddRecords(int count) => Interlocked.Add(ref _records, count);
}
