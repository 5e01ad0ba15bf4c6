using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// Builds KQL literals for queries sent to a Log Analytics workspace. The query API takes no query parameters, so
/// every value from a user or a log reaches the query text through here and nowhere else: a double-quoted string
/// with the escapes the Kusto string grammar defines (<c>\\ \" \t \n \r</c>). Any other control character has no
/// escape in that grammar, so it is refused rather than passed through.
/// </summary>
public static class KqlLiteral
{
    /// <summary>A KQL string literal: <c>"o\"neil"</c>.</summary>
    /// <exception cref="ArgumentException">The value holds a control character KQL cannot escape.</exception>
    public static string Quote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case var control when char.IsControl(control):
                    throw new ArgumentException("The value holds the control character U+" + ((int)control).ToString("X4", CultureInfo.InvariantCulture) + ", which a KQL string literal cannot hold.", nameof(value));
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A list for <c>in</c> / <c>in~</c>: <c>dynamic(["a","b"])</c>.</summary>
    public static string StringList(IEnumerable<string> values) =>
        "dynamic([" + string.Join(",", (values ?? throw new ArgumentNullException(nameof(values))).Select(Quote)) + "])";

    /// <summary>A datetime literal in UTC, to the tick: <c>datetime(2026-11-22T18:07:11.0000000Z)</c>.</summary>
    public static string DateTime(DateTimeOffset value) =>
        "datetime(" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + ")";
}
