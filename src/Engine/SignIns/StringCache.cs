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

        var slot = Hash(utf8) & (Size - 1);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = Utf8Text.Decode(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
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

        var slot = Hash(bytes) & (Size - 1);
        if (_keys[slot] is { } key && bytes.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        var value = text.ToString();
        _keys[slot] = bytes.ToArray();
        _values[slot] = value;
        return value;
    }

    /// <summary>FNV-1a over the bytes: cheap for the short values cached here.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 13));
    }
}
