using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>Reads Retry-After from a response or from a $batch inner response's headers object.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? From(HttpResponseMessage response)
    {
        // Graph's throttling guidance shows fractional seconds ("Retry-After: 2.128"), which HttpClient's typed header
        // (whole delta-seconds or a date) rejects: read the raw value first.
        if (response.Headers.TryGetValues("Retry-After", out var values) && Seconds(values.FirstOrDefault()) is { } seconds)
        {
            return seconds;
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > Longest ? Longest : delta;
        }

        if (header?.Date is not { } date)
        {
            return null;
        }

        var wait = date - DateTimeOffset.UtcNow;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Longest ? Longest : wait;
    }

    /// <summary>Longer waits are read as this long: enough to exceed any throttling budget, and never a TimeSpan overflow.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>A delta-seconds value, whole or fractional, at most a day; null when absent or not a number.</summary>
    public static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? (seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds))
            : null;
}
