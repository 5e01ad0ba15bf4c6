using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Counts of a few distinct values (addresses, apps, resources), bounded: once <see cref="Capacity"/> values are held,
/// new ones only add to <see cref="Others"/>. A script uses one or two of each; a busy person's long tail is what gets
/// lumped, and "more than the capacity" is all the scorer needs to know about it. Equal counts rank by the value
/// (ordinal), not by arrival, so the ranking does not depend on the order sign-ins (or groups of them) came in; only
/// which values are held once the table is full does.
/// </summary>
internal sealed class TopCounter<T>
    where T : notnull
{
    public const int Capacity = 16;

    private readonly Dictionary<T, long> _counts;
    private readonly IComparer<T> _order;

    public TopCounter(IEqualityComparer<T>? comparer = null, IComparer<T>? order = null)
    {
        _counts = new Dictionary<T, long>(comparer ?? EqualityComparer<T>.Default);
        _order = order ?? Comparer<T>.Default;
    }

    /// <summary>Occurrences of values that arrived after the table was full.</summary>
    public long Others { get; private set; }

    /// <summary>Distinct values held; at <see cref="Capacity"/> there may be more.</summary>
    public int Distinct => _counts.Count + (Others > 0 ? 1 : 0);

    /// <summary>Adds <paramref name="count"/> occurrences of the value at once: the same as adding it that many times in a row.</summary>
    public void Add(T value, long count = 1)
    {
        if (_counts.TryGetValue(value, out var held))
        {
            _counts[value] = held + count;
        }
        else if (_counts.Count < Capacity)
        {
            _counts[value] = count;
        }
        else
        {
            Others += count;
        }
    }

    /// <summary>The most used value and its count, or default when nothing was added.</summary>
    public KeyValuePair<T, long> Top() => Ordered().FirstOrDefault();

    /// <summary>Values by count, most used first.</summary>
    public IReadOnlyList<T> Ranked(int take = Capacity) => Ordered().Take(take).Select(p => p.Key).ToList();

    private IEnumerable<KeyValuePair<T, long>> Ordered() => _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, _order);
}
