using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// The newest <see cref="Capacity"/> sign-in times of one account (seconds), sorted, for cadence detection. Newest
/// rather than a random sample because intervals only mean something between neighbours: a contiguous stretch of
/// 2,048 sign-ins is a week of a 5-minute job, years of a nightly one. About 100 KB per account at most (sorted-set nodes).
/// </summary>
internal sealed class TimestampSample
{
    public const int Capacity = 2048;

    private readonly SortedSet<long> _seconds = new();

    public int Count => _seconds.Count;

    public void Add(DateTimeOffset at)
    {
        _seconds.Add(at.ToUnixTimeSeconds());
        if (_seconds.Count > Capacity)
        {
            _seconds.Remove(_seconds.Min);
        }
    }

    public IEnumerable<long> Ascending() => _seconds;
}
