using System;
using System.Collections.Generic;
using System.Globalization;

namespace EntraStrongAuth.Core.Progress;

/// <summary>
/// The status line of a long operation's Write-Progress: the totals so far, the rate and the share done, parts joined
/// by " · ", for example "12,480 sign-ins read (2,310/s) · 3 of 7 days · 1,204 failed". Numbers are grouped
/// (invariant culture, as every other status line of the module). The elapsed time is passed in, never read from a
/// clock here, so a line is a pure function of its inputs.
/// </summary>
internal sealed class ProgressLine
{
    private const string Separator = " · ";
    private readonly TimeSpan _elapsed;
    private readonly List<string> _parts = new();

    public ProgressLine(TimeSpan elapsed)
    {
        _elapsed = elapsed;
    }

    /// <summary>A total with its rate over the elapsed time: "12,480 sign-ins read (2,310/s)"; no rate before any time passed.</summary>
    public ProgressLine CountWithRate(long count, string what)
    {
        var rate = ProgressEstimate.PerSecond(count, _elapsed);
        _parts.Add(Number(count) + " " + what + (rate is { } perSecond ? " (" + Rate(perSecond) + "/s)" : string.Empty));
        return this;
    }

    /// <summary>A total without a rate: "1,204 failed".</summary>
    public ProgressLine Count(long count, string what)
    {
        _parts.Add(Number(count) + " " + what);
        return this;
    }

    /// <summary>How far through a known total: "3 of 7 files".</summary>
    public ProgressLine OfTotal(long done, long total, string what)
    {
        _parts.Add(Number(done) + " of " + Number(total) + " " + what);
        return this;
    }

    /// <summary>The share of a time range read: "3.2 of 7 days" from two days on, "5.5 of 24 h" below.</summary>
    public ProgressLine TimeCovered(TimeSpan covered, TimeSpan requested)
    {
        _parts.Add(requested >= TimeSpan.FromDays(2)
            ? Decimal(covered.TotalDays) + " of " + Decimal(requested.TotalDays) + " days"
            : Decimal(covered.TotalHours) + " of " + Decimal(requested.TotalHours) + " h");
        return this;
    }

    /// <summary>Bytes read of a known size: "1.2 of 4.5 MB" (KB below one megabyte).</summary>
    public ProgressLine BytesOf(long read, long total)
    {
        _parts.Add(total >= 1024 * 1024
            ? Decimal(read / 1048576.0) + " of " + Decimal(total / 1048576.0) + " MB"
            : Decimal(read / 1024.0) + " of " + Decimal(total / 1024.0) + " KB");
        return this;
    }

    /// <summary>Bytes received, with no total: "4.5 MB".</summary>
    public ProgressLine Bytes(long bytes)
    {
        _parts.Add(bytes >= 1024 * 1024 ? Decimal(bytes / 1048576.0) + " MB" : Decimal(bytes / 1024.0) + " KB");
        return this;
    }

    /// <summary>Any other part, as given (a file name).</summary>
    public ProgressLine Text(string text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _parts.Add(text);
        }

        return this;
    }

    public override string ToString() => string.Join(Separator, _parts);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // One decimal where it tells something (3.2 days), none on whole values (7 days).
    private static string Decimal(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    // A rate of a few per second keeps a decimal; bigger rates are whole.
    private static string Rate(double perSecond) => perSecond < 10 ? Decimal(perSecond) : Number((long)Math.Round(perSecond));
}
