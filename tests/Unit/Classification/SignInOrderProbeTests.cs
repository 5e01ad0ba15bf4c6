using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Classification;

public class SignInOrderProbeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static SignInOrder OrderOf(params int[] minutes)
    {
        var probe = new SignInOrderProbe();
        foreach (var minute in minutes)
        {
            probe.Add(new SignInEvent { CreatedDateTime = Start.AddMinutes(minute) });
        }

        return probe.Order();
    }

    [Fact]
    public void Graph_order_is_newest_first() => Assert.Equal(SignInOrder.NewestFirst, OrderOf(9, 7, 7, 3, 1));

    [Fact]
    public void Export_order_is_oldest_first() => Assert.Equal(SignInOrder.OldestFirst, OrderOf(1, 3, 3, 8));

    [Fact]
    public void Mixed_or_too_short_input_assumes_nothing()
    {
        Assert.Equal(SignInOrder.Unknown, OrderOf(1, 5, 2));
        Assert.Equal(SignInOrder.Unknown, OrderOf(4));
        Assert.Equal(SignInOrder.Unknown, OrderOf(4, 4, 4));
    }

    [Fact]
    public void The_sample_is_complete_after_64_sign_ins()
    {
        var probe = new SignInOrderProbe();
        var completed = Enumerable.Range(0, 64).Select(i => probe.Add(new SignInEvent { CreatedDateTime = Start.AddMinutes(-i) })).ToList();

        Assert.Equal(63, completed.Count(c => !c));
        Assert.True(completed[^1]);
        Assert.Equal(SignInOrder.NewestFirst, probe.Order());
    }
}
