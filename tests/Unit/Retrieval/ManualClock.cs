using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Virtual time: a delay moves the clock forward at once and is recorded, so waits are asserted, not slept.</summary>
internal sealed class ManualClock : IRetrievalClock
{
    private readonly object _gate = new();
    private DateTimeOffset _now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Delays { get; } = new();

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Delays.Add(delay);
            _now += delay;
        }

        return Task.CompletedTask;
    }

    public void Advance(TimeSpan span)
    {
        lock (_gate)
        {
            _now += span;
        }
    }
}
