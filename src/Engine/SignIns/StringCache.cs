using System;
using System.Runtime.InteropServices;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Returns the same string instance for repeated short values (app ids and names, policy ids and names, enum
/// members, cities …) so a 4 GB file does not allocate the same 40 strings for each of its million records.
/// Direct-mapped and fixed-size: a miss just allocates (and replaces the slot), so memory never grows with the
/// file and high-cardinality values (IP addresses) cost no more than without the cache. One instance per reader
/// (not thread-safe); a reader feeds it either UTF-8 bytes or chars, never both.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Longer values are rarely repeated exactly (user agents, reasons) or not worth hashing.</summary>
    public const int MaxCachedBytes = 96;

    private const int Size = 4096;

    private readonly byte[]?[] _keys = new byte[Size][];
    private readonly string?[] _values = new string?[Size];
    private int _set;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxCachedBytes)
        {
            return Utf8Text.Decode(utf8);
        }

        var slot = Lookup(utf8);
        return slot >= 0 ? _values[slot]! : Add(utf8, Utf8Text.Decode(utf8));
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        var bytes = MemoryMarshal.AsBytes(text);
        if (bytes.Length > MaxCachedBytes)
        {
            return text.ToString();
        }

        var slot = Lookup(bytes);
        return slot >= 0 ? _values[slot]! : Add(bytes, text.ToString());
    }

    /// <summary>
    /// Two-way sets, most recent first: in a direct-mapped table two values of every record (a policy's result and
    /// its id, say) that share a slot would evict each other on every record.
    /// </summary>
    private int Lookup(ReadOnlySpan<byte> key)
    {
        var first = Hash(key) & (Size - 2);
        _set = first;
        if (_keys[first] is { } a && key.SequenceEqual(a))
        {
            return first;
        }

        if (_keys[first + 1] is { } b && key.SequenceEqual(b))
        {
            // Promote, so the set's other value is the one evicted next.
            (_keys[first], _keys[first + 1]) = (_keys[first + 1], _keys[first]);
            (_values[first], _values[first + 1]) = (_values[first + 1], _values[first]);
            return first;
        }

        return -1;
    }

    private string Add(ReadOnlySpan<byte> key, string value)
    {
        var first = _set;
        _keys[first + 1] = _keys[first];
        _values[first + 1] = _values[first];
        _keys[first] = key.ToArray();
        _values[first] = value;
        return value;
    }

    /// <summary>Eight bytes per step (the last eight overlap): GUIDs and names hash in a handful of multiplies.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        if (bytes.Length >= 8)
        {
            var rest = bytes;
            while (rest.Length > 8)
            {
                hash = (hash ^ MemoryMarshal.Read<ulong>(rest)) * 0xFF51AFD7ED558CCDUL;
                hash ^= hash >> 32;
                rest = rest.Slice(8);
            }

            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes.Slice(bytes.Length - 8))) * 0xC4CEB9FE1A85EC53UL;
        }
        else
        {
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 0x100000001B3UL;
            }
        }

        hash ^= hash >> 29;
        return (int)hash ^ (int)(hash >> 32);
    }
}
