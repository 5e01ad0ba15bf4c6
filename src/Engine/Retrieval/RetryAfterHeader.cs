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
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    /// <summary>A delta-seconds value, whole or fractional; null when absent or not a number.</summary>
    public static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
}
