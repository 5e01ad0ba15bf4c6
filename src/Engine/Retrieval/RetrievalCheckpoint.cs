using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Where an interrupted retrieval stood after its last complete page: the query, and per slice the oldest instant
/// delivered and the ids delivered at it. Resuming restarts every unfinished slice from there, so no record is
/// fetched into the output twice and none is skipped. Skip tokens are not kept: they expire.
/// </summary>
public sealed class RetrievalCheckpoint
{
    public RetrievalCheckpoint(SignInQuery query, long records, IReadOnlyList<SliceState> slices)
    {
        Query = query ?? throw new ArgumentNullException(nameof(query));
        Records = records;
        Slices = slices ?? throw new ArgumentNullException(nameof(slices));
    }

    public SignInQuery Query { get; }

    public long Records { get; }

    public IReadOnlyList<SliceState> Slices { get; }
}

/// <summary>One slice of a <see cref="RetrievalCheckpoint"/>.</summary>
public sealed class SliceState
{
    public SliceState(SignInEventType eventType, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? oldest, IReadOnlyList<string> idsAtOldest, bool done)
    {
        EventType = eventType;
        From = from;
        To = to;
        Oldest = oldest;
        IdsAtOldest = idsAtOldest;
        Done = done;
    }

    public SignInEventType EventType { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public DateTimeOffset? Oldest { get; }

    public IReadOnlyList<string> IdsAtOldest { get; }

    public bool Done { get; }
}
