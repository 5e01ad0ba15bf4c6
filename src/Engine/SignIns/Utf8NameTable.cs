using System;
using System.Collections.Generic;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Maps a JSON property name (raw UTF-8 bytes, ASCII case-insensitive) to a value without allocating.
/// The hot path of every JSON reader asks this once per property; a chain of ValueTextEquals over ~70 names
/// would cost far more than one hash and one SequenceEqual. Case-insensitive because real exports differ:
/// Graph writes camelCase, PowerShell's ConvertTo-Json of SDK objects PascalCase, Panther lowercases envelope keys.
/// </summary>
internal sealed class Utf8NameTable<T>
    where T : struct
{
    private readonly byte[]?[] _keys;
    private readonly T[] _values;
    private readonly int _mask;
    private readonly Dictionary<T, string> _names = [];

    public Utf8NameTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = new List<KeyValuePair<string, T>>(entries);
        var size = 64;
        while (size < list.Count * 4)
        {
            size *= 2;
        }

        _keys = new byte[size][];
        _values = new T[size];
        _mask = size - 1;
        foreach (var entry in list)
        {
            var key = Encoding.UTF8.GetBytes(entry.Key);
            var slot = Hash(key) & _mask;
            while (_keys[slot] is { } existing)
            {
                if (EqualsIgnoreCase(existing, key))
                {
                    throw new ArgumentException("Duplicate name in a name table: " + entry.Key, nameof(entries));
                }

                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = entry.Value;
            if (!_names.ContainsKey(entry.Value))
            {
                _names[entry.Value] = entry.Key;
            }
        }
    }

    /// <summary>How many slots there are: <see cref="TryGet(ReadOnlySpan{byte}, out T, out int)"/> gives each name one below it.</summary>
    public int SlotCount => _keys.Length;

    public bool TryGet(ReadOnlySpan<byte> name, out T value) => TryGet(name, out value, out _);

    /// <summary>Also gives the name's slot: two names share it only when they are the same name (ASCII case aside), which tells a property named twice from two aliases of one field.</summary>
    public bool TryGet(ReadOnlySpan<byte> name, out T value, out int slot)
    {
        slot = -1;
        if (!name.IsEmpty)
        {
            var probe = Hash(name) & _mask;
            while (_keys[probe] is { } key)
            {
                // Exact match first (the common case, vectorized); ASCII case folding only when it fails.
                if (name.SequenceEqual(key) || EqualsIgnoreCase(key, name))
                {
                    value = _values[probe];
                    slot = probe;
                    return true;
                }

                probe = (probe + 1) & _mask;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first name registered for <paramref name="value"/>: how problems name a field in this format.</summary>
    public string? NameOf(T value) => _names.TryGetValue(value, out var name) ? name : null;

    public bool TryGet(string name, out T value) => TryGet(Encoding.UTF8.GetBytes(name), out value);

    /// <summary>Length and three case-folded bytes: enough to spread ~100 names with few probes.</summary>
    private static int Hash(ReadOnlySpan<byte> name)
    {
        var length = name.Length;
        var hash = (uint)length * 0x9E3779B1u;
        hash ^= Fold(name[0]) * 0x85EBCA77u;
        hash ^= Fold(name[length >> 1]) * 0xC2B2AE3Du;
        hash ^= Fold(name[length - 1]) * 0x27D4EB2Fu;
        hash ^= hash >> 15;
        return (int)(hash & 0x7FFFFFFF);
    }

    private static uint Fold(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (uint)(b | 0x20) : b;

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Fold(a[i]) != Fold(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
