using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace EntraStrongAuth.Core.Csv;

/// <summary>
/// The one way the module writes a CSV cell. Sign-in logs carry attacker-controlled text (user agents, app names,
/// failure reasons), and a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return as a formula (CSV injection). Such a cell is prefixed with a single quote, as OWASP advises, so it
/// shows as text; a plain number (<c>-5</c>, <c>-0.25</c>) is left as it is, since it cannot be a formula. Every cell is
/// then written by RFC 4180: quoted when it holds the delimiter, a quote or a line break, a quote inside doubled.
/// </summary>
internal static class SpreadsheetSafeCsv
{
    private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r' };

    /// <summary>The value with a leading single quote when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value) || Array.IndexOf(FormulaStarts, value![0]) < 0 || IsPlainNumber(value))
        {
            return value ?? string.Empty;
        }

        return "'" + value;
    }

    /// <summary>One cell, neutralized and quoted as needed.</summary>
    public static string Cell(string? value, char delimiter = ',')
    {
        var text = Neutralize(value);
        if (text.IndexOf(delimiter) < 0 && text.IndexOf('"') < 0 && text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
        {
            return text;
        }

        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>One row of cells and its line break (CRLF, as RFC 4180 has it).</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string?> cells, char delimiter = ',')
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (cells is null)
        {
            throw new ArgumentNullException(nameof(cells));
        }

        var line = new StringBuilder();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                line.Append(delimiter);
            }

            first = false;
            line.Append(Cell(cell, delimiter));
        }

        writer.Write(line.ToString());
        writer.Write("\r\n");
    }

    private static bool IsPlainNumber(string value) =>
        value[0] == '-' && value.Length > 1 && char.IsDigit(value[1])
        && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
