using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The MFA successes of each session and correlation, as <see cref="FlowContext"/>s: the last strong proof a later
/// failure of the same session compares itself with. Bounded like the success index: at most a few contexts per key
/// (the latest), forgotten once the stream has moved past them.
/// </summary>
internal sealed class PriorProofIndex
{
    private const int PerKey = 4;

    private readonly Dictionary<ulong, List<FlowContext>> _byKey = new();
    private readonly Queue<(long Ticks, ulong Key)> _arrivals = new();

    public int Count => _byKey.Count;

    public void Add(ulong key, FlowContext proof, bool evictable)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            list = new List<FlowContext>(1);
            _byKey[key] = list;
        }

        list.Add(proof);
        if (list.Count > PerKey)
        {
            list.Remove(Earliest(list));
        }

        if (evictable)
        {
            _arrivals.Enqueue((proof.Ticks, key));
        }
    }

    /// <summary>The latest proof of the key strictly before the failure and within the window, or null.</summary>
    public FlowContext? LatestBefore(ulong key, long failureTicks, long windowTicks)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            return null;
        }

        FlowContext? best = null;
        foreach (var proof in list)
        {
            if (proof.Ticks < failureTicks && failureTicks - proof.Ticks <= windowTicks && (best is null || proof.IsLaterThan(best)))
            {
                best = proof;
            }
        }

        return best;
    }

    public void Evict(Func<long, bool> canForget)
    {
        while (_arrivals.Count > 0 && canForget(_arrivals.Peek().Ticks))
        {
            var (_, key) = _arrivals.Dequeue();
            if (_byKey.TryGetValue(key, out var list))
            {
                list.RemoveAll(p => canForget(p.Ticks));
                if (list.Count == 0)
                {
                    _byKey.Remove(key);
                }
            }
        }
    }

    private static FlowContext Earliest(List<FlowContext> list)
    {
        var earliest = list[0];
        foreach (var proof in list)
        {
            if (earliest.IsLaterThan(proof))
            {
                earliest = proof;
            }
        }

        return earliest;
    }
}
