using System;
using System.Globalization;
using System.Threading;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// How much a compressed input may expand: <see cref="Ratio"/> times its compressed size, and never less than
/// <see cref="Floor"/>. Real sign-in logs compress 10 to 30 times; deflate cannot pass about 1,000 times, so only a
/// decompression bomb (a ZIP whose entries overlap, one filled with a single repeated byte) reaches the limit. One
/// budget is shared by every entry of a ZIP archive, so entries that reuse the same compressed bytes add up.
/// Documented in the help of Import-SignInLog (SignInLogUnreadable).
/// </summary>
internal sealed class ExpansionBudget
{
    public const int Ratio = 200;
    public const long Floor = 1024L * 1024 * 1024;

    private readonly Func<long> _compressedSize;
    private readonly long _floor;
    private long _used;

    /// <param name="compressedSize">The compressed size, read when needed: a growing count for a stream read as it comes.</param>
    /// <param name="floor">The expansion always allowed (tests use a small one).</param>
    public ExpansionBudget(Func<long> compressedSize, long floor = Floor)
    {
        _compressedSize = compressedSize;
        _floor = floor;
    }

    public static ExpansionBudget ForSize(long compressedSize) => new(() => compressedSize);

    public long Limit => Math.Max(_floor, Ratio * _compressedSize());

    /// <summary>Counts <paramref name="bytes"/> of output; false once the limit is passed.</summary>
    public bool TryUse(int bytes) => Interlocked.Add(ref _used, bytes) <= Limit;

    public string Exceeded(string what) =>
        "The " + what + " expands to more than " + (Limit / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture)
        + " MB, over " + Ratio.ToString(CultureInfo.InvariantCulture) + " times its compressed size, which no sign-in log does (a decompression bomb?): the rest is not read.";
}
