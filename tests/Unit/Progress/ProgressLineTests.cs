using System;
using EntraStrongAuth.Core.Progress;
using Xunit;

namespace EntraStrongAuth.Tests.Progress;

/// <summary>The Write-Progress status line and estimates: grouped numbers, rates from the elapsed time passed in.</summary>
public class ProgressLineTests
{
    [Fact]
    public void A_read_says_its_totals_rate_and_share()
    {
        var line = new ProgressLine(TimeSpan.FromSeconds(5.4))
            .CountWithRate(12_480, "sign-ins read")
            .OfTotal(3, 7, "days")
            .Count(1_204, "failed");

        // 12,480 / 5.4 s = 2,311.1/s
        Assert.Equal("12,480 sign-ins read (2,311/s) · 3 of 7 days · 1,204 failed", line.ToString());
    }

    [Theory]
    [InlineData(0, 5, "0 sign-ins read (0/s)")]
    [InlineData(12, 5, "12 sign-ins read (2.4/s)")]
    [InlineData(1_234_567, 0.5, "1,234,567 sign-ins read (2,469,134/s)")]
    public void The_rate_is_the_count_over_the_elapsed_time(long count, double seconds, string expected) =>
        Assert.Equal(expected, new ProgressLine(TimeSpan.FromSeconds(seconds)).CountWithRate(count, "sign-ins read").ToString());

    [Fact]
    public void No_rate_before_any_time_passed() =>
        Assert.Equal("7 sign-ins read", new ProgressLine(TimeSpan.Zero).CountWithRate(7, "sign-ins read").ToString());

    [Fact]
    public void Time_covered_reads_in_days_from_two_days_and_in_hours_below()
    {
        Assert.Equal("3.2 of 7 days", new ProgressLine(TimeSpan.Zero).TimeCovered(TimeSpan.FromHours(3.2 * 24), TimeSpan.FromDays(7)).ToString());
        Assert.Equal("5.5 of 24 h", new ProgressLine(TimeSpan.Zero).TimeCovered(TimeSpan.FromHours(5.5), TimeSpan.FromDays(1)).ToString());
        Assert.Equal("0 of 30 days", new ProgressLine(TimeSpan.Zero).TimeCovered(TimeSpan.Zero, TimeSpan.FromDays(30)).ToString());
    }

    [Fact]
    public void Bytes_read_of_a_size_in_megabytes_or_kilobytes()
    {
        Assert.Equal("1.5 of 2,048 MB", new ProgressLine(TimeSpan.Zero).BytesOf(1_572_864, 2_147_483_648).ToString());
        Assert.Equal("12 of 100 KB", new ProgressLine(TimeSpan.Zero).BytesOf(12_288, 102_400).ToString());
        Assert.Equal("4.5 MB", new ProgressLine(TimeSpan.Zero).Bytes(4_718_592).ToString());
    }

    [Fact]
    public void Text_parts_keep_their_place_and_empty_ones_are_left_out() =>
        Assert.Equal("2 of 3 files · a.json · 10 sign-ins read (5/s)", new ProgressLine(TimeSpan.FromSeconds(2))
            .OfTotal(2, 3, "files").Text(string.Empty).Text("a.json").CountWithRate(10, "sign-ins read").ToString());

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(33.3, 100, 33)]
    [InlineData(3, 7, 42)]
    [InlineData(8, 7, 100)]
    [InlineData(5, 0, -1)]
    public void Percent_of_a_known_total(double done, double total, int expected) =>
        Assert.Equal(expected, ProgressEstimate.Percent(done, total));

    [Theory]
    [InlineData(25, 100, 10, 30)]   // a quarter in 10 s: three quarters take 30 s more
    [InlineData(3, 7, 6, 8)]        // 2 s per day, 4 days left
    [InlineData(100, 100, 10, 0)]
    [InlineData(0, 100, 10, -1)]    // nothing done yet: no rate to go by
    [InlineData(50, 0, 10, -1)]     // no total
    [InlineData(50, 100, 0, -1)]    // no time elapsed
    public void Seconds_remaining_at_the_rate_so_far(double done, double total, double elapsedSeconds, int expected) =>
        Assert.Equal(expected, ProgressEstimate.SecondsRemaining(done, total, TimeSpan.FromSeconds(elapsedSeconds)));
}
