using System;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// UTF-8 to and from spans without intermediate arrays (netstandard2.0 Encoding has only pointer overloads). Decoding
/// reads a byte sequence that is not UTF-8 as U+FFFD, as Encoding.UTF8 does, but counts it in
/// <see cref="Replacements"/> so a reader can warn where it happened instead of changing the value silently.
/// </summary>
internal static class Utf8Text
{
    [ThreadStatic]
    private static long t_replacements;

    /// <summary>UTF-8 without a byte order mark, whose every U+FFFD for bad input counts in <see cref="Replacements"/>.</summary>
    public static Encoding Encoding { get; } = Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new CountingFallback());

    /// <summary>
    /// Bad byte sequences decoded on this thread so far. A reader compares it before and after one synchronous step
    /// (a record, a row): thread-static, because readers of different files run on different threads.
    /// </summary>
    public static long Replacements => t_replacements;

    public static unsafe string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* bytes = utf8)
        {
            return Encoding.GetString(bytes, utf8.Length);
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

    /// <summary>U+FFFD for each bad sequence, as the default fallback, counted.</summary>
    private sealed class CountingFallback : DecoderFallback
    {
        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                t_replacements++;
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }

                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_pending)
                {
                    return false;
                }

                _pending = true;
                return true;
            }

            public override void Reset() => _pending = false;
        }
    }
}
