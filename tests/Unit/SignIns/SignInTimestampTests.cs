using System;
using EntraStrongAuth.Engine.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.SignIns;

public class SignInTimestampTests
{
    [Theory]
    [InlineData("2025-01-15T09:30:45Z", 0)]
    [InlineData("2025-01-15T09:30:45.1234567Z", 1234567)]
    [InlineData("2025-01-15 09:30:45.123", 1230000)]
    [InlineData("2025-01-15 09:30:45.123456789", 1234567)]
    [InlineData("2025-01-15T10:30:45+01:00", 0)]
    [InlineData("2025-01-15T04:30:45-0500", 0)]
    [InlineData(" 2025-01-15T09:30:45 ", 0)]
    [InlineData("1/15/2025, 9:30:45.000 AM", 0)]
    [InlineData("1/15/2025 9:30:45 AM", 0)]
    [InlineData("15.01.2025 09:30:45", 0)]
    [InlineData("15.1.2025 9:30", -450000000)]
    public void Every_source_spelling_is_utc(string text, long ticks)
    {
        Assert.True(SignInTimestamp.TryParse(text.AsSpan(), out var value));
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 30, 45, TimeSpan.Zero).AddTicks(ticks), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("04.03.2025 09:15:22", 3, 4)]
    [InlineData("12.11.2025 09:15:22", 11, 12)]
    public void A_dotted_date_from_excel_puts_the_day_first(string text, int month, int day)
    {
        Assert.True(SignInTimestamp.TryParse(text.AsSpan(), out var value));
        Assert.Equal(new DateTimeOffset(2025, month, day, 9, 15, 22, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-02-30")]
    [InlineData("2025-01-15T25:00:00Z")]
    [InlineData("2025-01-15T09:30:45X")]
    [InlineData("")]
    public void Nonsense_is_rejected(string text)
    {
        Assert.False(SignInTimestamp.TryParse(text.AsSpan(), out _));
    }
}
