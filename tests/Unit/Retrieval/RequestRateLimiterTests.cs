using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

[Collection(TimingSensitive.Name)]
public class RequestRateLimiterTests
{
    [Fact]
    public async Task Five_requests_start_at_once_and_the_sixth_waits_for_the_window()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter(5, TimeSpan.FromSeconds(10), clock);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, await limiter.WaitTurnAsync(CancellationToken.None));
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        var waited = await limiter.WaitTurnAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), waited);
    }

    [Fact]
    public async Task The_window_slides_so_the_sustained_rate_is_the_limit()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter(5, TimeSpan.FromSeconds(10), clock);
        var start = clock.UtcNow;

        for (var i = 0; i < 25; i++)
        {
            await limiter.WaitTurnAsync(CancellationToken.None);
        }

        // 25 starts at 5 per 10 s: the last batch starts 40 s after the first.
        Assert.Equal(TimeSpan.FromSeconds(40), clock.UtcNow - start);
    }

    [Fact]
    public async Task Retry_after_holds_every_request_even_with_budget_left()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter(5, TimeSpan.FromSeconds(10), clock);
        await limiter.WaitTurnAsync(CancellationToken.None);

        limiter.PauseUntil(clock.UtcNow + TimeSpan.FromSeconds(30));
        limiter.PauseUntil(clock.UtcNow + TimeSpan.FromSeconds(5));
        var waited = await limiter.WaitTurnAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), waited);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once()
    {
        var limiter = new RequestRateLimiter(1, TimeSpan.FromMinutes(10));
        await limiter.WaitTurnAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitTurnAsync(cancel.Token));

        // The wait was for ten minutes; ending within seconds proves the token cut it short (the margin is for a
        // thread pool busy with the other tests' simulators, which delays the 50 ms timer itself).
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "ended after " + (DateTime.UtcNow - started));
    }
}
