using System;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The delimiter of a CSV export, from its header line: Excel re-saves a download with the list separator of the
/// machine's locale, a semicolon in much of Europe, and "Text (Tab delimited)" uses tabs. The character that splits
/// the header line most often (outside quotes) wins; a comma when none does.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    public static char Detect(string text)
    {
        var line = HeaderLine(text);
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = CountOutsideQuotes(line, candidate);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>How a message names a delimiter.</summary>
    public static string Name(char delimiter) => delimiter switch
    {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    };

    /// <summary>The first line that is not blank and not Windows PowerShell's "#TYPE …" line.</summary>
    private static string HeaderLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Trim().Length > 0 && !line.StartsWith("#TYPE", StringComparison.Ordinal))
            {
                return line;
            }

            start = end + 1;
        }

        return string.Empty;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
