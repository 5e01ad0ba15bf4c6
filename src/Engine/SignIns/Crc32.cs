namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// CRC-32 as ZIP stores it for each entry (IEEE 802.3, reflected polynomial 0xEDB88320). netstandard2.0 has no
/// System.IO.Hashing, so this is the classic one-table, byte-at-a-time form: fast enough for a reader that parses
/// every byte anyway. Start with <see cref="Initial"/>, feed bytes to <see cref="Update"/>, end with <see cref="Final"/>.
/// </summary>
internal static class Crc32
{
    public const uint Initial = 0xFFFFFFFFu;

    private const uint Polynomial = 0xEDB88320u;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The running value after <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public static uint Update(uint running, byte[] buffer, int offset, int count)
    {
        var table = Table;
        for (var i = offset; i < offset + count; i++)
        {
            running = table[(running ^ buffer[i]) & 0xFF] ^ (running >> 8);
        }

        return running;
    }

    /// <summary>The checksum of the bytes fed so far, as ZIP stores it.</summary>
    public static uint Final(uint running) => running ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
