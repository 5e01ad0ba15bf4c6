using System;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// NUL bytes in a text log (a stray binary zero, a log cut and padded by a crashed writer): read as spaces, so a NUL
/// between values is whitespace and one inside a string costs only that string's exactness, wherever in the file it
/// is; the readers warn once per file with the count and the first place (see <see cref="InputNotes"/>). A file that
/// is mostly control bytes is binary, not text: <see cref="LooksBinary"/> tells it apart for one clear error.
/// </summary>
internal static class NulBytes
{
    /// <summary>Fewer control bytes never make a file binary: a short log with an escape sequence in a user agent is still text.</summary>
    private const int MinBinaryControls = 16;

    /// <summary>Replaces every NUL with a space; returns how many, and where the first was (-1: none).</summary>
    public static int Scrub(Span<byte> bytes, out int first)
    {
        first = bytes.IndexOf((byte)0);
        if (first < 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = first; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                bytes[i] = (byte)' ';
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc cref="Scrub(Span{byte}, out int)"/>
    public static int Scrub(Span<char> chars, out int first)
    {
        first = chars.IndexOf('\0');
        if (first < 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] == '\0')
            {
                chars[i] = ' ';
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// More than one byte in 32 (and at least 16) is NUL or another control character that text never holds (tab, line
    /// ends and form feed aside): an executable, an image, a compressed or encrypted file. Sign-in text with a few stray
    /// NULs stays far below.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> prefix, out string evidence)
    {
        var controls = 0;
        var nulAtOdd = 0;
        var nuls = 0;
        for (var i = 0; i < prefix.Length; i++)
        {
            var b = prefix[i];
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f'))
            {
                controls++;
                if (b == 0)
                {
                    nuls++;
                    nulAtOdd += i & 1;
                }
            }
        }

        if (controls < MinBinaryControls || (long)controls * 32 <= prefix.Length)
        {
            evidence = string.Empty;
            return false;
        }

        // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
        var utf16 = nuls * 4 > prefix.Length && (nulAtOdd * 10 > nuls * 9 || nulAtOdd * 10 < nuls);
        evidence = "The input is binary, not JSON or CSV text: " + controls + " of its first " + prefix.Length + " bytes are NUL or other control characters."
            + (utf16 ? " It may be UTF-16 text without a byte order mark: save it as UTF-8." : string.Empty);
        return true;
    }
}
