using System;
using System.Globalization;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// How far a sorted stream has come, and so what can no longer change: a failure whose whole window the stream has
/// passed is final, and a success no future failure can reach may be forgotten. A sign-in out of the declared order
/// (beyond the tolerance) turns the stream to <see cref="SignInOrder.Unknown"/> for the rest, and is reported.
/// </summary>
internal sealed class StreamWatermark
{
    private readonly long _tolerance;
    private long _oldest = long.MaxValue;
    private long _newest = long.MinValue;

    public StreamWatermark(SignInOrder order, TimeSpan tolerance)
    {
        Order = order;
        _tolerance = tolerance.Ticks;
    }

    public SignInOrder Order { get; private set; }

    /// <summary>Why the stream was found out of order; null while it keeps its declared order.</summary>
    public string? Violation { get; private set; }

    public void See(DateTimeOffset time, string? signInId)
    {
        var ticks = time.UtcTicks;
        var late = Order == SignInOrder.OldestFirst && _newest != long.MinValue && ticks < _newest - _tolerance;
        var early = Order == SignInOrder.NewestFirst && _oldest != long.MaxValue && ticks > _oldest + _tolerance;
        if (late || early)
        {
            Violation = string.Format(
                CultureInfo.InvariantCulture,
                "The sign-ins are not {0}: sign-in {1} at {2:u} came after {3:u}. Outcomes emitted before it may have missed a link; the rest are kept to the end.",
                Order == SignInOrder.OldestFirst ? "oldest first" : "newest first",
                signInId ?? "(no id)",
                time.UtcDateTime,
                new DateTime(late ? _newest : _oldest, DateTimeKind.Utc));
            Order = SignInOrder.Unknown;
        }

        _oldest = Math.Min(_oldest, ticks);
        _newest = Math.Max(_newest, ticks);
    }

    /// <summary>True when no sign-in still to come can fall in (failure, failure + window].</summary>
    public bool IsFinal(long failureTicks, long windowTicks) => Order switch
    {
        SignInOrder.NewestFirst => failureTicks >= _oldest + _tolerance,
        SignInOrder.OldestFirst => failureTicks + windowTicks < _newest - _tolerance,
        _ => false,
    };

    /// <summary>
    /// True when every sign-in of [failure - window, failure) has been seen: newest-first input reads a failure's
    /// earlier MFA proof after the failure, so a failure waits for its flow window before it is final (step 4).
    /// </summary>
    public bool PriorsSeen(long failureTicks, long windowTicks) => Order switch
    {
        SignInOrder.NewestFirst => failureTicks - windowTicks >= _oldest + _tolerance,
        SignInOrder.OldestFirst => true,
        _ => false,
    };

    /// <summary>True when no failure still to come can be resolved by a success at this time.</summary>
    public bool CanForget(long successTicks, long windowTicks) => Order switch
    {
        SignInOrder.NewestFirst => successTicks > _oldest + _tolerance + windowTicks,
        SignInOrder.OldestFirst => successTicks <= _newest - _tolerance,
        _ => false,
    };
}
