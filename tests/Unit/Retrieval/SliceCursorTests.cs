using System;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

public class SliceCursorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static SignInEvent At(string id, int minute) => new() { Id = id, CreatedDateTime = T0.AddMinutes(minute) };

    [Fact]
    public void After_a_resume_only_records_already_delivered_at_the_oldest_instant_are_dropped()
    {
        var cursor = new SliceCursor(SignInEventType.Interactive, T0, T0.AddHours(1));
        Assert.True(cursor.Accept(At("a", 50)));
        Assert.True(cursor.Accept(At("b", 40)));
        Assert.True(cursor.Accept(At("c", 40)));

        // The resumed query ("le oldest") returns the boundary instant again, plus one record there not yet seen.
        Assert.False(cursor.Accept(At("b", 40)));
        Assert.False(cursor.Accept(At("c", 40)));
        Assert.True(cursor.Accept(At("d", 40)));
        Assert.False(cursor.Accept(At("a", 50)));
        Assert.True(cursor.Accept(At("e", 30)));
        Assert.Equal(T0.AddMinutes(30), cursor.Oldest);
    }

    [Fact]
    public void The_resume_filter_ends_at_the_oldest_instant_inclusive()
    {
        var cursor = new SliceCursor(SignInEventType.Interactive, T0, T0.AddHours(1));
        var query = new SignInQuery(T0, T0.AddHours(1));
        Assert.Contains("createdDateTime lt 2026-11-29T01:00:00Z", cursor.Filter(query), StringComparison.Ordinal);

        cursor.Accept(At("a", 20));

        Assert.Contains("createdDateTime le 2026-11-29T00:20:00Z", cursor.Filter(query), StringComparison.Ordinal);
    }

    [Fact]
    public void Splitting_gives_away_the_older_half_of_what_is_left_and_drops_the_link()
    {
        var cursor = new SliceCursor(SignInEventType.NonInteractive, T0, T0.AddHours(2)) { NextLink = "https://graph/next" };
        cursor.Accept(At("a", 100));

        var older = cursor.SplitOlderHalf(TimeSpan.FromMinutes(1));

        Assert.NotNull(older);
        Assert.Equal(T0, older.From);
        Assert.Equal(T0.AddMinutes(50), older.To);
        Assert.Equal(T0.AddMinutes(50), cursor.From);
        Assert.Null(cursor.NextLink);
        Assert.Equal(SignInEventType.NonInteractive, older.EventType);
    }

    [Fact]
    public void A_slice_shorter_than_two_minimum_spans_is_not_split()
    {
        var cursor = new SliceCursor(SignInEventType.Interactive, T0, T0.AddMinutes(3));

        Assert.Null(cursor.SplitOlderHalf(TimeSpan.FromMinutes(2)));
    }
}
