namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>
/// All randomness of a run. Every (user, day) gets its own stream derived from the seed by a fixed mix (never
/// HashCode, which is salted per process), so output is byte-identical for a seed whatever order or size is generated.
/// </summary>
internal sealed class SeededRandom
{
#pragma warning disable CA5394 // Reproducible synthetic data is the point; nothing here is a secret.
    private readonly Random random;

    public SeededRandom(int seed) => random = new Random(seed);

    /// <summary>A stream for one purpose, e.g. (seed, userIndex, dayNumber); the same parts give the same stream.</summary>
    public static SeededRandom For(int seed, params long[] parts)
    {
        ulong state = Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL);
        foreach (long part in parts)
        {
            state = Mix(state ^ (ulong)part);
        }

        return new SeededRandom((int)(state & 0x7FFFFFFF));
    }

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Between(int minInclusive, int maxInclusive) => random.Next(minInclusive, maxInclusive + 1);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A version-4 GUID string, lower case, as Graph prints ids.</summary>
    public string NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A 22-character base64url token, the shape of uniqueTokenIdentifier and skip tokens.</summary>
    public string NextToken(int bytes = 16)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
#pragma warning restore CA5394

    // SplitMix64 finaliser: cheap, well spread, and fixed forever.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
