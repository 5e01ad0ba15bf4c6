using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Which way a file writes slash dates. The admin center and the Log Analytics portal write month first
/// (11/5/2026); a spreadsheet re-saved in a day-first locale (en-GB, fr-FR, es-ES …) writes 05/11/2026. A date whose
/// first part is above 12 proves day first, one whose second part is, month first; until one does, dates are read
/// month first and counted, so the file's warning can say how many could be either way and where the proof came.
/// </summary>
internal sealed class SlashDateOrder
{
    private bool? _dayFirst;
    private long _ambiguous;
    private long? _firstAmbiguousLine;
    private long? _provedAtLine;
    private string? _proof;

    /// <summary>
    /// The text with day and month swapped once the file proved day first (so the month-first parse reads it right);
    /// null to parse the text as it is (not a slash date, or month first).
    /// </summary>
    public string? Normalize(ReadOnlySpan<char> text, long? line)
    {
        text = text.Trim();
        if (!TrySplit(text, out var first, out var second, out var rest))
        {
            return null;
        }

        if (_dayFirst is null)
        {
            // "5/25/2023, 4:32:49.469 AM": the Log Analytics portal's own export, month first (a re-save drops the comma).
            if (rest.Length > 5 && rest[5] == ',')
            {
                Decide(dayFirst: false, line, text);
            }
            else if (first > 12 && second <= 12)
            {
                Decide(dayFirst: true, line, text);
            }
            else if (second > 12 && first <= 12)
            {
                Decide(dayFirst: false, line, text);
            }
            else if (first != second)
            {
                _ambiguous++;
                _firstAmbiguousLine ??= line;
            }
        }

        return _dayFirst == true
            ? second.ToString(CultureInfo.InvariantCulture) + "/" + first.ToString(CultureInfo.InvariantCulture) + rest.ToString()
            : null;
    }

    /// <summary>The file's one warning about how its dates were read, if any could be misread.</summary>
    public void TakeWarning(string source, Queue<SignInReadItem> output)
    {
        if (_ambiguous == 0)
        {
            return;
        }

        var count = _ambiguous.ToString(CultureInfo.InvariantCulture) + " date(s)";
        var from = _firstAmbiguousLine is { } line ? " from line " + line.ToString(CultureInfo.InvariantCulture) : string.Empty;
        output.Enqueue(new SignInReadItem(_dayFirst == true
            ? source + ": " + count + from + " could be read either way and were read month first before line " + _provedAtLine?.ToString(CultureInfo.InvariantCulture)
              + " (" + SignInProblems.Show(_proof ?? string.Empty) + ") showed this file writes the day first; their times may be wrong by days. Re-export with ISO dates, or re-save the file with the day second."
            : source + ": " + count + from + " such as 05/11/2026 could be day or month first; they were read month first, as the admin center and the Log Analytics portal write them. If this file was re-saved in a day-first locale (en-GB, fr-FR …), those dates are wrong: re-export with ISO dates."));
        _ambiguous = 0;
    }

    private void Decide(bool dayFirst, long? line, ReadOnlySpan<char> proof)
    {
        _dayFirst = dayFirst;
        _provedAtLine = line;
        _proof = proof.ToString();
    }

    // d/M/yyyy or M/d/yyyy at the start: one or two digits, a slash, one or two digits, a slash, four digits.
    private static bool TrySplit(ReadOnlySpan<char> s, out int first, out int second, out ReadOnlySpan<char> rest)
    {
        first = second = 0;
        rest = default;
        var a = s.IndexOf('/');
        if (a is < 1 or > 2 || !Number(s.Slice(0, a), out first))
        {
            return false;
        }

        var tail = s.Slice(a + 1);
        var b = tail.IndexOf('/');
        if (b is < 1 or > 2 || !Number(tail.Slice(0, b), out second) || tail.Length < b + 5 || !Number(tail.Slice(b + 1, 4), out _))
        {
            return false;
        }

        rest = tail.Slice(b);
        return first > 0 && second > 0;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
