using System;
using System.Buffers;
using System.IO;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The sliding window the streaming JSON readers parse from: unread bytes move to the front, the pooled buffer doubles
/// when one value fills it (up to <see cref="MaxBytes"/>), and the free space is filled with as few reads as possible.
/// </summary>
internal static class ReadAheadBuffer
{
    /// <summary>No sign-in, row or page value comes near this; a larger one means the input is not what it claims.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Returns false, reading nothing, when the buffer is full at <paramref name="maxBytes"/> (smaller only in tests).</summary>
    public static bool Refill(Stream stream, ref byte[] buffer, ref int start, ref int end, out bool endOfStream, int maxBytes = MaxBytes)
    {
        endOfStream = false;
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= maxBytes)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        // Fill the free space: fewer, larger reads mean fewer values cut at the buffer end.
        while (end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfStream = true;
                break;
            }

            end += read;
        }

        return true;
    }
}
