using System;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Engine.GraphHttp;

/// <summary>Time as the limiter and backoff see it; replaced in tests so waits can be asserted without sleeping.</summary>
internal interface IRetrievalClock
{
    DateTimeOffset UtcNow { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemRetrievalClock : IRetrievalClock
{
    public static readonly SystemRetrievalClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
