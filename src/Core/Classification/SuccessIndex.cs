using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Successful sign-ins by link key, for failures that arrive after their success (newest-first or unordered input).
/// Holds only <see cref="SuccessMark"/>s under hashed keys, and forgets marks the stream has moved past.
/// </summary>
internal sealed class SuccessIndex
{
    // Most keys (correlation, request and session ids) have one success: it is held inline, a list only for more.
    private readonly Dictionary<ulong, Marks> _marks = new();
    private readonly Queue<(long Ticks, ulong Key)> _arrivals = new();
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);

    /// <summary>Marks held, counting one per key.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Indexes a success under its keys. User+app keys only when it shows MFA: a later single-factor sign-in to the
    /// same app does not show that the user got past an MFA demand. <paramref name="evictable"/> records the arrival
    /// so <see cref="Evict"/> can forget it; unordered input keeps everything until the end.
    /// </summary>
    public SuccessMark Add(long ticks, string? signInId, string? resolvedBy, List<(LinkKind Kind, ulong Key)> keys, bool evictable)
    {
        var mark = new SuccessMark(ticks, signInId, Intern(resolvedBy));
        foreach (var (kind, key) in keys)
        {
            if (kind == LinkKind.UserAndApp && mark.ResolvedBy is null)
            {
                continue;
            }

            _marks[key] = _marks.TryGetValue(key, out var held) ? held.With(mark) : new Marks(mark);
            Count++;
            if (evictable)
            {
                _arrivals.Enqueue((ticks, key));
            }
        }

        return mark;
    }

    /// <summary>The best success under <paramref name="key"/> after the failure and within the window.</summary>
    public bool TryBest(ulong key, long failureTicks, long windowTicks, out SuccessMark best)
    {
        best = default;
        var found = false;
        if (_marks.TryGetValue(key, out var held))
        {
            if (held.More is null)
            {
                Consider(held.First, failureTicks, windowTicks, ref best, ref found);
            }
            else
            {
                foreach (var mark in held.More)
                {
                    Consider(mark, failureTicks, windowTicks, ref best, ref found);
                }
            }
        }

        return found;
    }

    /// <summary>Forgets the marks, oldest arrival first, that no future failure can link to.</summary>
    public void Evict(Func<long, bool> canForget)
    {
        while (_arrivals.Count > 0 && canForget(_arrivals.Peek().Ticks))
        {
            var key = _arrivals.Dequeue().Key;
            if (!_marks.TryGetValue(key, out var held))
            {
                continue;
            }

            if (held.More is null)
            {
                if (canForget(held.First.Ticks))
                {
                    _marks.Remove(key);
                    Count--;
                }

                continue;
            }

            Count -= held.More.RemoveAll(m => canForget(m.Ticks));
            if (held.More.Count == 0)
            {
                _marks.Remove(key);
            }
            else
            {
                _marks[key] = new Marks(held.More);
            }
        }
    }

    private static void Consider(SuccessMark mark, long failureTicks, long windowTicks, ref SuccessMark best, ref bool found)
    {
        if (mark.Ticks > failureTicks && mark.Ticks - failureTicks <= windowTicks && (!found || mark.IsBetterThan(best)))
        {
            best = mark;
            found = true;
        }
    }

    /// <summary>Method names repeat ("Mobile app notification", "Previously satisfied"): keep one copy of each.</summary>
    private string? Intern(string? method)
    {
        if (method is null)
        {
            return null;
        }

        if (!_methods.TryGetValue(method, out var shared))
        {
            shared = method;
            _methods[method] = shared;
        }

        return shared;
    }

    /// <summary>The marks under one key: the first inline; with more than one, all of them in <see cref="More"/>.</summary>
    private readonly struct Marks
    {
        public Marks(SuccessMark first)
        {
            First = first;
            More = null;
        }

        public Marks(List<SuccessMark> all)
        {
            First = all[0];
            More = all;
        }

        public SuccessMark First { get; }

        public List<SuccessMark>? More { get; }

        public Marks With(SuccessMark mark)
        {
            if (More is null)
            {
                return new Marks(new List<SuccessMark>(2) { First, mark });
            }

            More.Add(mark);
            return this;
        }
    }
}
