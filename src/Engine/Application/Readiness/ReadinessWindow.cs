using System;
using System.Globalization;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>The window of sign-in history a readiness check reads: live, the 7 days before now by default; files, all of them.</summary>
public static class ReadinessWindow
{
    public static readonly TimeSpan DefaultLive = TimeSpan.FromDays(7);

    /// <summary>Times without a kind are UTC, as the sign-in logs write them. An end before the start is InvalidTimeRange.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Of(DateTime? start, DateTime? end, bool live)
    {
        DateTimeOffset? from = start is { } s ? Utc(s) : null;
        DateTimeOffset? to = end is { } e ? Utc(e) : null;
        if (live)
        {
            to ??= DateTimeOffset.UtcNow;
            from ??= to.Value - DefaultLive;
        }

        if (from is { } f && to is { } t && t <= f)
        {
            throw new EntraStrongAuthException(ErrorIds.InvalidTimeRange, FailureKind.InvalidArgument, "-EndTime (" + t.ToString("u", CultureInfo.InvariantCulture) + ") must be after -StartTime (" + f.ToString("u", CultureInfo.InvariantCulture) + ").", "Swap or correct the times; live, -StartTime defaults to 7 days before -EndTime.");
        }

        return (from, to);
    }

    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
}
