using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The zone a CSV time header states. The admin center's download writes "Date (UTC)", and the Log Analytics
/// portal's export "TimeGenerated [UTC]"; when the user picked another zone the header says so ("Date (UTC+01:00)",
/// "TimeGenerated [Local Time]") and the cells hold that zone's wall clock without an offset. A stated offset is
/// honoured; "Local Time" names no offset, so the times are read as UTC and the reader warns.
/// </summary>
internal readonly struct CsvTimeZone
{
    private static readonly Regex Offset = new(@"\bUTC\s*(?<sign>[+\-−])\s*(?<hours>\d{1,2})(?::?(?<minutes>\d{2}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private CsvTimeZone(TimeSpan? offset, bool isLocal)
    {
        UtcOffset = offset;
        IsUnstatedLocal = isLocal;
    }

    /// <summary>The offset the header states (+01:00 for "Date (UTC+01:00)"); null for UTC and for local time.</summary>
    public TimeSpan? UtcOffset { get; }

    /// <summary>The header says local time without an offset: the times cannot be placed exactly.</summary>
    public bool IsUnstatedLocal { get; }

    /// <summary>The zone a time column's header states; UTC when it states none.</summary>
    public static CsvTimeZone Of(string header)
    {
        if (header.IndexOf("Local Time", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new CsvTimeZone(null, isLocal: true);
        }

        var match = Offset.Match(header);
        if (!match.Success)
        {
            return default;
        }

        var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = new TimeSpan(hours, minutes, 0);
        if (offset == TimeSpan.Zero || offset > TimeSpan.FromHours(14))
        {
            return default;
        }

        return new CsvTimeZone(match.Groups["sign"].Value == "+" ? offset : -offset, isLocal: false);
    }

    /// <summary>
    /// A cell's time: a zone-less value is the stated zone's wall clock; a value with its own offset keeps it. False
    /// when the stated zone moves the time outside years 1-9999 (a cell of year 1 or 9999).
    /// </summary>
    public bool TryApply(DateTimeOffset parsed, ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (UtcOffset is not { } offset || parsed.Offset != TimeSpan.Zero || HasZone(text.Trim()))
        {
            value = parsed;
            return true;
        }

        return SignInTimestamp.TryToUtc(parsed.DateTime, offset, out value);
    }

    private static bool HasZone(ReadOnlySpan<char> text) =>
        text.Length > 0 && (text[text.Length - 1] is 'Z' or 'z' || text.EndsWith("+00:00".AsSpan(), StringComparison.Ordinal) || text.EndsWith("+0000".AsSpan(), StringComparison.Ordinal));
}
