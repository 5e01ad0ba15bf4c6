using System;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>UTF-8 to and from spans without intermediate arrays (netstandard2.0 Encoding has only pointer overloads).</summary>
internal static class Utf8Text
{
    public static unsafe string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* bytes = utf8)
        {
            return Encoding.UTF8.GetString(bytes, utf8.Length);
        }
    }

    /// <summary>Encodes into <paramref name="destination"/>, which must hold GetMaxByteCount(text.Length) bytes.</summary>
    public static unsafe int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        fixed (char* chars = text)
        fixed (byte* bytes = destination)
        {
            return Encoding.UTF8.GetBytes(chars, text.Length, bytes, destination.Length);
        }
    }
}
