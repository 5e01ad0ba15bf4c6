using System.Globalization;
using System.Text;

namespace EntraStrongAuth.Core.Errors;

/// <summary>
/// Text from the input (user agents, app names, failure reasons, file and ZIP entry names) made safe to show: control
/// characters would reach the admin's terminal raw, where ESC starts an escape sequence (colours, cursor moves, window
/// titles) and BEL rings. Each becomes a visible <c>\u001B</c>. Every message, warning, verbose and progress line the
/// module writes passes through <see cref="Escape"/> at the one place it leaves for the host (EntraStrongAuthException
/// and the cmdlets' write methods), so no call site can forget it.
/// </summary>
internal static class MessageText
{
    /// <summary>
    /// Escapes C0 controls other than line feed and tab, DEL, C1 controls (U+009B is a one-character CSI) and the
    /// bidirectional overrides that make text read differently from what it is. Returns the same string when none occur.
    /// </summary>
    public static string Escape(string? text) => EscapeCore(text, keepLineBreaks: true);

    /// <summary>A value shown inside a message: one line, so line feeds and tabs are escaped too.</summary>
    public static string EscapeValue(string? text) => EscapeCore(text, keepLineBreaks: false);

    private static string EscapeCore(string? text, bool keepLineBreaks)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i], keepLineBreaks))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c, keepLineBreaks))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c, bool keepLineBreaks) => c switch
    {
        '\n' or '\t' => !keepLineBreaks,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
