using System;
using System.Globalization;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Sign-in times as the sources write them, always read as UTC when no offset is given (every source logs UTC):
/// Graph "2025-01-15T09:30:45.1234567Z", Log Analytics "2020-05-20T18:19:04.423000Z", the diagnostic archive and
/// Panther "2023-07-21 05:03:52.160562400" (nine fraction digits, no zone), the Log Analytics portal CSV
/// "5/25/2023, 4:32:49.469 AM". Utf8JsonReader.TryGetDateTimeOffset is not used: it gives a zone-less value the
/// machine's local offset, and rejects the space separator.
/// </summary>
internal static class SignInTimestamp
{
    public const string Expected = "an ISO 8601 date-time such as 2025-01-15T09:30:45Z (in UTC between the years 0001 and 9999)";

    /// <summary>UTF-8 bytes (a JSON string's raw value) without allocating for the ISO forms.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        if (utf8.Length > 64)
        {
            value = default;
            return false;
        }

        Span<char> text = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            text[i] = (char)utf8[i];
        }

        return TryParse(text, out value);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        return TryParseIso(text, out value) || TryParseLoose(text, out value);
    }

    /// <summary>yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]][Z|±hh[:]mm], or the date alone.</summary>
    private static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var offset = TimeSpan.Zero;
        var i = 10;
        if (i < s.Length)
        {
            if ((s[i] != 'T' && s[i] != 't' && s[i] != ' ') || s.Length < i + 6 || s[i + 3] != ':'
                || !Digits(s, i + 1, 2, out hour) || !Digits(s, i + 4, 2, out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second) || second > 59)
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var start = i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && (uint)(s[i] - '0') <= 9)
                    {
                        // Ticks are 100 ns: digits past the seventh are dropped, not rounded.
                        if (scale > 1)
                        {
                            scale /= 10;
                            ticks += (s[i] - '0') * scale;
                        }

                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }

            if (!TryParseOffset(s.Slice(i), out offset))
            {
                return false;
            }
        }

        return TryToUtc(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks), offset, out value);
    }

    /// <summary>
    /// A wall-clock time at <paramref name="offset"/> as UTC; false when UTC falls outside years 1-9999
    /// ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"), where the DateTimeOffset constructor would throw.
    /// </summary>
    public static bool TryToUtc(DateTime wallClock, TimeSpan offset, out DateTimeOffset value)
    {
        var utcTicks = wallClock.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            value = default;
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), offset).ToUniversalTime();
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.IsEmpty || ((s[0] == 'Z' || s[0] == 'z') && s.Length == 1))
        {
            return true;
        }

        if (s[0] != '+' && s[0] != '-')
        {
            return false;
        }

        var sign = s[0] == '-' ? -1 : 1;
        var rest = s.Slice(1);
        int hours = 0, minutes = 0;
        var ok = (rest.Length == 2 && Digits(rest, 0, 2, out hours))
            || (rest.Length == 4 && Digits(rest, 0, 2, out hours) && Digits(rest, 2, 2, out minutes))
            || (rest.Length == 5 && rest[2] == ':' && Digits(rest, 0, 2, out hours) && Digits(rest, 3, 2, out minutes));
        if (!ok)
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static readonly string[] DayFirstDotted = ["d.M.yyyy H:mm:ss.FFFFFFF", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy"];

    /// <summary>d.M.yyyy at the start: one or two digits, a dot, one or two digits, a dot, four digits.</summary>
    private static bool IsDottedDate(ReadOnlySpan<char> s)
    {
        var first = s.IndexOf('.');
        if (first is < 1 or > 2)
        {
            return false;
        }

        var second = s.Slice(first + 1).IndexOf('.');
        return second is 1 or 2 && s.Length >= first + second + 6 && Digits(s, first + second + 2, 4, out _);
    }

    /// <summary>Culture-invariant fallback for the portal's "M/d/yyyy, h:mm:ss.fff tt" and similar.</summary>
    private static bool TryParseLoose(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.IsEmpty || s.Length > 64 || (uint)(s[0] - '0') > 9)
        {
            return false;
        }

        var text = s.ToString().Replace(", ", " ");
        if (IsDottedDate(s))
        {
            // Excel re-saves a download's times in the locale's format; dotted dates (de-DE, pl-PL, ru-RU …) put the
            // day first, which the invariant culture would read as the month (04.03.2025 as April 3).
            if (DateTimeOffset.TryParseExact(text, DayFirstDotted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
            {
                value = value.ToUniversalTime();
                return true;
            }

            return false;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }
}
