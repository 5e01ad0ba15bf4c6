using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Counts of a few distinct values (addresses, apps, resources), bounded: once <see cref="Capacity"/> values are held,
/// new ones only add to <see cref="Others"/>. A script uses one or two of each; a busy person's long tail is what gets
/// lumped, and "more than the capacity" is all the scorer needs to know about it.
/// </summary>
internal sealed class TopCounter<T>
    where T : notnull
{
    public const int Capacity = 16;

    private readonly Dictionary<T, long> _counts;

    public TopCounter(IEqualityComparer<T>? comparer = null)
    {
        _counts = new Dictionary<T, long>(comparer ?? EqualityComparer<T>.Default);
    }

    /// <summary>Occurrences of values that arrived after the table was full.</summary>
    public long Others { get; private set; }

    /// <summary>Distinct values held; at <see cref="Capacity"/> there may be more.</summary>
    public int Distinct => _counts.Count + (Others > 0 ? 1 : 0);

    public void Add(T value)
    {
        if (_counts.TryGetValue(value, out var count))
        {
            _counts[value] = count + 1;
        }
        else if (_counts.Count < Capacity)
        {
            _counts[value] = 1;
        }
        else
        {
            Others++;
        }
    }

    /// <summary>The most used value and its count, or default when nothing was added.</summary>
    public KeyValuePair<T, long> Top() => _counts.OrderByDescending(p => p.Value).FirstOrDefault();

    /// <summary>Values by count, most used first.</summary>
    public IReadOnlyList<T> Ranked(int take = Capacity) => _counts.OrderByDescending(p => p.Value).Take(take).Select(p => p.Key).ToList();
}
