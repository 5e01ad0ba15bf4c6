using System;
using EntraStrongAuth.Core.Workspace;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// A part of the requested range still to read, newest first: [<see cref="From"/>, <see cref="To"/>), continued after
/// <see cref="After"/> once a page of it has been read. A query that outruns the server timeout splits the unread
/// part in two; a minute is the smallest part worth splitting.
/// </summary>
internal sealed record WorkspaceSlice(DateTimeOffset From, DateTimeOffset To, SignInKeyset? After)
{
    public static readonly TimeSpan Smallest = TimeSpan.FromMinutes(1);

    /// <summary>The exclusive end of what is still unread: the last row's instant can still hold rows with a lower id.</summary>
    public DateTimeOffset UnreadEnd => After is null ? To : After.CreatedDateTime.AddTicks(1);

    public bool CanSplit => UnreadEnd - From >= Smallest + Smallest;

    /// <summary>The newer half (keeping the position) and the older half.</summary>
    public (WorkspaceSlice Newer, WorkspaceSlice Older) Split()
    {
        var middle = From + TimeSpan.FromTicks((UnreadEnd - From).Ticks / 2);
        return (this with { From = middle }, new WorkspaceSlice(From, middle, null));
    }
}
