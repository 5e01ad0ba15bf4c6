using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// One time slice of one event type, read newest first. It remembers the oldest createdDateTime it has delivered and
/// the ids delivered at exactly that instant, so after any failure it restarts with "createdDateTime le oldest" and
/// drops only true repeats: nothing lost, nothing duplicated, with memory bounded by one timestamp's records.
/// </summary>
internal sealed class SliceCursor
{
    private readonly HashSet<string> _idsAtOldest = new(StringComparer.Ordinal);

    public SliceCursor(SignInEventType eventType, DateTimeOffset from, DateTimeOffset to)
    {
        EventType = eventType;
        From = from;
        To = to;
    }

    public SignInEventType EventType { get; }

    public static SliceCursor FromState(SliceState state)
    {
        var cursor = new SliceCursor(state.EventType, state.From, state.To) { Oldest = state.Oldest, Done = state.Done };
        foreach (var id in state.IdsAtOldest)
        {
            cursor._idsAtOldest.Add(id);
        }

        return cursor;
    }

    public SliceState ToState() => new(EventType, From, To, Oldest, new List<string>(_idsAtOldest), Done);

    /// <summary>Inclusive start; moves forward when the older part is split off.</summary>
    public DateTimeOffset From { get; private set; }

    /// <summary>Exclusive end.</summary>
    public DateTimeOffset To { get; }

    public DateTimeOffset? Oldest { get; private set; }

    /// <summary>The service's link to the next page of the current query; null means "build a fresh query from the state".</summary>
    public string? NextLink { get; set; }

    public bool Done { get; set; }

    /// <summary>Failures since the last good page.</summary>
    public int Failures { get; set; }

    /// <summary>The part of the slice not yet read.</summary>
    public TimeSpan Remaining => Done ? TimeSpan.Zero : (Oldest ?? To) - From;

    public TimeSpan Span => To - From;

    public string Filter(SignInQuery query) =>
        SignInFilterBuilder.Build(query, EventType, From, Oldest ?? To, toInclusive: Oldest is not null);

    /// <summary>True when the record was not delivered before; records it as delivered.</summary>
    public bool Accept(SignInEvent record)
    {
        var time = record.CreatedDateTime;
        if (Oldest is { } oldest)
        {
            if (time > oldest || (time == oldest && record.Id is { } seen && _idsAtOldest.Contains(seen)))
            {
                return false;
            }

            if (time < oldest)
            {
                _idsAtOldest.Clear();
            }
        }

        Oldest = time;
        if (record.Id is { } id)
        {
            _idsAtOldest.Add(id);
        }

        return true;
    }

    /// <summary>
    /// Hands the older half of what is left to another worker. The current link covered both halves, so this
    /// cursor continues with a fresh query for the newer half.
    /// </summary>
    public SliceCursor? SplitOlderHalf(TimeSpan minimumSpan)
    {
        var end = Oldest ?? To;
        var remaining = end - From;
        if (Done || remaining < minimumSpan + minimumSpan)
        {
            return null;
        }

        var middle = From + TimeSpan.FromTicks(remaining.Ticks / 2);
        var older = new SliceCursor(EventType, From, middle);
        From = middle;
        NextLink = null;
        return older;
    }
}
