using System;
using System.Globalization;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// How long one reader has been throttled without a single answer getting through, against
/// <see cref="RetrievalOptions.MaxThrottledWait"/>: a 429 that never lifts (an app whose budget another tool spends,
/// a tenant-wide limit) would otherwise be retried for ever. The streak starts at the first 429 and ends at the next
/// answer that is not one, whichever worker gets it; the warning is given once per reader (thread-safe).
/// </summary>
internal sealed class ThrottleBudget
{
    private readonly object _gate = new();
    private readonly TimeSpan _limit;
    private readonly TimeSpan _warnAfter;
    private DateTimeOffset? _since;
    private bool _warned;

    public ThrottleBudget(RetrievalOptions options)
    {
        _limit = options.MaxThrottledWait;
        _warnAfter = options.ThrottledWaitWarning;
    }

    /// <summary>An answer other than 429 arrived: Graph is letting requests through again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _since = null;
        }
    }

    /// <summary>
    /// A 429 arrived at <paramref name="now"/> asking for <paramref name="retryAfter"/>. Throws
    /// <see cref="ErrorIds.GraphThrottled"/> when waiting would take the streak past the limit; otherwise returns the
    /// warning to give (the first time the streak, with this wait, reaches the warning threshold), or null.
    /// </summary>
    public string? Throttled(DateTimeOffset now, TimeSpan retryAfter, int throttledAnswers)
    {
        TimeSpan soFar;
        bool warn;
        lock (_gate)
        {
            _since ??= now;
            soFar = now - _since.Value;
            if (soFar + retryAfter > _limit)
            {
                throw new EntraStrongAuthException(
                    ErrorIds.GraphThrottled,
                    FailureKind.ResourceUnavailable,
                    "Microsoft Graph has throttled every request for " + Describe(soFar) + " (" + throttledAnswers + " answers 429) and asks to wait "
                        + Describe(retryAfter) + " more; the command stops rather than wait more than " + Describe(_limit) + " in all.",
                    "Try again later, or narrow -StartTime/-EndTime. Another tool using the same app and tenant may be spending its request budget: lower -MaxRequestsPerWindow of Connect-EntraStrongAuth. Everything written before is complete; a pull to -OutFile continues with -Resume.");
            }

            warn = !_warned && soFar + retryAfter >= _warnAfter;
            _warned |= warn;
        }

        return warn
            ? "Microsoft Graph has throttled every request for " + Describe(soFar) + " so far (" + throttledAnswers + " answers 429); waiting "
                + Describe(retryAfter) + " more (Retry-After). The command stops with " + ErrorIds.GraphThrottled + " after " + Describe(_limit) + " of throttling."
            : null;
    }

    internal static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1
            ? ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min " + span.Seconds.ToString(CultureInfo.InvariantCulture) + " s"
            : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
