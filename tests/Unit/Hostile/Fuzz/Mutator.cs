using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.Tests.Hostile.Fuzz;

/// <summary>
/// Seeded mutations of valid sign-in input: byte flips, truncation, duplicated and deleted ranges, and hostile bytes
/// or tokens inserted or written over digits. The same seed and iteration give the same bytes on any machine.
/// </summary>
internal sealed class Mutator
{
    /// <summary>What hostile input is made of: every class the corpus covers, in a few bytes each.</summary>
    private static readonly byte[][] Hostile = Tokens(
        "\0", "\u001b", "\u0007", "\"", "{", "}", "[", "]", ",", ":", ";", "\t", "\n", "\r", "\r\n", "\"\"", "\\", "\\u0000",
        "null", "true", "-1", "1e400", "99999999999999999999", "NaN", "=cmd|' /C calc'!A0", "+1", "@SUM(1)",
        "\"status\":{\"errorCode\":0},", "2025-13-45T99:99:99Z", "\"createdDateTime\":", new string('[', 300), new string('{', 50),
        "\\u001b[2J", "\\u0007", "\\uD800", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+01:00")
        .Append([0xFF]).Append([0xC0, 0xAF]).Append([0xED, 0xA0, 0x80]).Append([0xEF, 0xBB, 0xBF]).Append([0x1F, 0x8B]).Append([(byte)'P', (byte)'K', 3, 4]).ToArray();


    private readonly Random _random;

    public Mutator(int seed, int iteration)
    {
        // One generator per iteration: any single failing input can be replayed from (seed, iteration) alone.
        // (Not HashCode.Combine: it is salted per process, and a replay runs in another.)
        _random = new Random(unchecked((seed * 1_000_003) + iteration));
    }

    public int Next(int maxValue) => _random.Next(maxValue);

    /// <summary>One to four mutations of <paramref name="input"/>, described for the failure message.</summary>
    public byte[] Mutate(byte[] input, List<string> applied)
    {
        var bytes = new List<byte>(input);
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            applied.Add(MutateOnce(bytes));
        }

        return bytes.ToArray();
    }

    private string MutateOnce(List<byte> bytes)
    {
        var at = _random.Next(bytes.Count);
        switch (_random.Next(6))
        {
            case 0:
                var mask = (byte)(1 << _random.Next(8));
                bytes[at] ^= mask;
                return "flip bit " + mask + " at " + at;
            case 1:
                bytes.RemoveRange(at, bytes.Count - at);
                return "truncate at " + at;
            case 2:
                var length = Math.Min(bytes.Count - at, 1 + _random.Next(400));
                var copy = bytes.GetRange(at, length);
                var to = _random.Next(bytes.Count);
                bytes.InsertRange(to, copy);
                return "duplicate " + length + " bytes from " + at + " at " + to;
            case 3:
                var cut = Math.Min(bytes.Count - at, 1 + _random.Next(200));
                bytes.RemoveRange(at, cut);
                return "delete " + cut + " bytes at " + at;
            case 4:
                var token = Hostile[_random.Next(Hostile.Length)];
                bytes.InsertRange(at, token);
                return "insert " + Show(token) + " at " + at;
            default:
                return OverwriteDigits(bytes, at);
        }
    }

    /// <summary>A run of digits (a time, an error code, a count) written over with a hostile token.</summary>
    private string OverwriteDigits(List<byte> bytes, int from)
    {
        var start = bytes.FindIndex(from, b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0)
        {
            return "no digits after " + from;
        }

        var end = start;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        var token = Hostile[_random.Next(Hostile.Length)];
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, token);
        return "digits at " + start + " become " + Show(token);
    }

    private static string Show(byte[] token) => token.Length > 20 ? token.Length + " bytes" : BitConverter.ToString(token);

    private static IEnumerable<byte[]> Tokens(params string[] tokens) => tokens.Select(Encoding.UTF8.GetBytes);
}
