using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// YAML scalars that read back as exactly the string written, whatever it holds: a single-quoted scalar when the
/// text is one line of printable characters (only <c>'</c> needs doubling there), else a double-quoted one with
/// escapes; a literal block scalar for the query, whose lines a reader keeps as they are. No value is ever written
/// plain, so none can turn into a number, a boolean, a comment or a mapping.
/// </summary>
public static class YamlScalar
{
    /// <summary><c>'it''s: # ok'</c>, or <c>"line one\nline two"</c> when the text has a line break or a control character.</summary>
    public static string Quote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return AllPrintable(value) ? "'" + value.Replace("'", "''") + "'" : DoubleQuoted(value);
    }

    /// <summary>
    /// A literal block scalar (<c>|</c>, <c>|-</c> or <c>|+</c> as the trailing line breaks need, with an indentation
    /// indicator when the first line starts with a space) whose lines are indented by <paramref name="indent"/> spaces,
    /// or a double-quoted scalar when a block cannot hold the text (a control character, a CR, a line starting with a tab).
    /// </summary>
    public static string Block(string value, int indent)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var text = value.Replace("\r\n", "\n");
        var lines = text.Split('\n');
        if (text.Length == 0 || !AllPrintable(text.Replace("\n", string.Empty)) || lines.Any(l => l.StartsWith("\t", StringComparison.Ordinal)) || lines.All(l => l.Trim().Length == 0))
        {
            return DoubleQuoted(value);
        }

        var trailing = text.Length - text.TrimEnd('\n').Length;
        var chomping = trailing == 0 ? "-" : trailing == 1 ? string.Empty : "+";
        var body = trailing == 0 ? lines : lines.Take(lines.Length - 1);
        var indicator = text.StartsWith(" ", StringComparison.Ordinal) || text.StartsWith("\n", StringComparison.Ordinal) ? indent.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var pad = new string(' ', indent);
        var builder = new StringBuilder("|").Append(indicator).Append(chomping);
        foreach (var line in body)
        {
            builder.Append('\n');
            if (line.Length > 0)
            {
                builder.Append(pad).Append(line);
            }
        }

        return builder.ToString();
    }

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    if (IsPrintable(c))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        // A lone surrogate has no escape a YAML reader accepts: it becomes the replacement character.
                        builder.Append(@"\u").Append((char.IsSurrogate(c) ? 0xFFFD : c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Printable in the YAML sense and safe on one line: no control characters, line or paragraph separators, BOM or lone surrogates.</summary>
    private static bool AllPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsPrintable(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintable(char c) =>
        !char.IsControl(c) && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c);
}
