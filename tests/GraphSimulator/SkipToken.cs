using System;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// The simulator's <c>$skiptoken</c>: opaque to clients (base64url of a version byte, the offset of the next record in
/// the query's result, the issue time and a hash of the query it belongs to). It expires
/// <see cref="GraphSimulatorOptions.SkipTokenLifetime"/> after issue, and it is only valid with the query it came from.
/// </summary>
internal static class SkipToken
{
    private const byte Version = 1;

    public static string Create(int offset, DateTimeOffset issued, string queryKey)
    {
        Span<byte> bytes = stackalloc byte[1 + 4 + 8 + 4];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], offset);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[5..], issued.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[13..], Hash(queryKey));
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryRead(string token, string queryKey, out int offset, out DateTimeOffset issued)
    {
        offset = 0;
        issued = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != 17 || bytes[0] != Version || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(13)) != Hash(queryKey))
        {
            return false;
        }

        offset = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(1));
        issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(5)));
        return offset >= 0;
    }

    // FNV-1a: stable across processes (string.GetHashCode is randomized), so a CLI restart with the same data still
    // rejects tokens of another query.
    private static uint Hash(string key)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619;
        }

        return hash;
    }
}
