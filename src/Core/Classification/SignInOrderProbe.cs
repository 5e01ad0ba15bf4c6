using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Holds the first sign-ins of an input back until their order is clear. Sorted input (Graph and its exports are
/// newest first; Log Analytics exports are often oldest first) lets the outcome linker finalize failures as it goes
/// and keep only an hour of successes; unsorted input must keep every success until the end (measured on 1 GB of
/// Graph JSON: 67 MB instead of 354 MB peak, and 35 % less time). If sorted input later breaks its order, the
/// analyzer notices and falls back to the unordered mode (see StrongAuthAnalyzer.OrderWarning).
/// Used by <see cref="StrongAuthAnalyzer"/> when its options say <see cref="SignInOrder.Detect"/>.
/// </summary>
internal sealed class SignInOrderProbe
{
    public const int SampleSize = 64;
    private readonly List<SignInEvent> _held = new(SampleSize);

    /// <summary>True once enough sign-ins were seen to decide; <see cref="Held"/> must then be replayed.</summary>
    public bool Decided { get; private set; }

    public IReadOnlyList<SignInEvent> Held => _held;

    /// <summary>Adds a sign-in; returns true when this one completed the sample.</summary>
    public bool Add(SignInEvent signIn)
    {
        _held.Add(signIn);
        Decided = _held.Count >= SampleSize;
        return Decided;
    }

    public SignInOrder Order()
    {
        bool descending = true, ascending = true;
        for (var i = 1; i < _held.Count; i++)
        {
            var step = _held[i].CreatedDateTime - _held[i - 1].CreatedDateTime;
            descending &= step <= TimeSpan.Zero;
            ascending &= step >= TimeSpan.Zero;
        }

        // Too few records to tell, or all at one instant: no assumption.
        if (_held.Count < 2 || (descending && ascending))
        {
            return SignInOrder.Unknown;
        }

        return descending ? SignInOrder.NewestFirst : ascending ? SignInOrder.OldestFirst : SignInOrder.Unknown;
    }

    public void Clear() => _held.Clear();
}
