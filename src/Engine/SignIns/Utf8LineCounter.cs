using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Counts line feeds in a sliding byte buffer so a JSON problem can name its line. Every byte is counted once, just
/// before the buffer drops it or when a problem asks, with SIMD: pretty-printed exports have a line every few dozen
/// bytes, and one IndexOf call per line would cost more than the parse of a short record.
/// </summary>
internal sealed class Utf8LineCounter
{
    private long _lines;
    private int _countedTo;

    /// <summary>1-based line of <paramref name="position"/>; positions must not go back.</summary>
    public long LineAt(ReadOnlySpan<byte> buffer, int position)
    {
        if (position > _countedTo)
        {
            _lines += Count(buffer.Slice(_countedTo, position - _countedTo));
            _countedTo = position;
        }

        return _lines + 1;
    }

    /// <summary>1-based line of <paramref name="position"/> without counting ahead to it, so earlier positions can still be asked.</summary>
    public long PeekLineAt(ReadOnlySpan<byte> buffer, int position) =>
        position > _countedTo ? _lines + 1 + Count(buffer.Slice(_countedTo, position - _countedTo)) : LineAt(buffer, position);

    /// <summary>The buffer is about to drop its first <paramref name="discarded"/> bytes.</summary>
    public void Shift(ReadOnlySpan<byte> buffer, int discarded)
    {
        LineAt(buffer, discarded);
        _countedTo -= discarded;
    }

    public void Reset(int position) => _countedTo = position;

    private static long Count(ReadOnlySpan<byte> bytes)
    {
        long count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && bytes.Length >= Vector<byte>.Count)
        {
            var newline = new Vector<byte>((byte)'\n');
            var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(bytes);
            foreach (var vector in vectors)
            {
                // Equals gives 0xFF (-1 as sbyte) per match; summing per lane could overflow after 128 steps,
                // so each vector's matches are reduced right away.
                var matches = Vector.Equals(vector, newline);
                if (!matches.Equals(Vector<byte>.Zero))
                {
                    count += Vector.Dot(matches & Vector<byte>.One, Vector<byte>.One);
                }
            }

            i = vectors.Length * Vector<byte>.Count;
        }

        for (; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                count++;
            }
        }

        return count;
    }
}
