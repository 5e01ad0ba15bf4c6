using System;
using System.Collections.Generic;
using System.Linq;
using static EntraStrongAuth.Tests.Hostile.Corpus.HostileCorpus;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>
/// gzip and ZIP inputs: truncated, bad CRC, corrupt deflate data, bombs, hostile entry names. Records inside a damaged
/// block are <c>maybe-N</c> (how much of it the inflater delivers is its business); records well before the damage
/// are owed, and so are the records of the intact file or entry beside it.
/// </summary>
internal static class ArchiveCases
{
    private const string Gz = "gzip";
    private const string Zip = "ZIP";

    public static IEnumerable<HostileCase> All()
    {
        var sibling = Lines(Graph("good-beside-1"), Graph("good-beside-2"));

        // gzip: a bad CRC (content intact) and corrupt deflate data, small (inside the 64 KB format detection) and large.
        yield return Pair("gz-bad-crc-small", Gz, "crc.json.gz", HostileBytes.GzipWithBadCrc(HostileBytes.Utf8(Records(100, 0.9, out var good))), sibling) with { Good = good + 2, Bad = 1, Scope = ProblemScope.File, Defect = 11, InModuleSubset = true };
        yield return Pair("gz-bad-crc-large", Gz, "crc-large.json.gz", HostileBytes.GzipWithBadCrc(HostileBytes.Utf8(Records(3000, 0.9, out good))), sibling) with { Good = good + 2, Bad = 1, Scope = ProblemScope.File };
        yield return Pair("gz-corrupt-deflate-small", Gz, "deflate.json.gz", HostileBytes.GzipWithCorruptDeflate(HostileBytes.Utf8(Records(100, 0.3, out good)), 0.6), sibling) with { Good = good + 2, Bad = 1, Scope = ProblemScope.File, Defect = 11 };
        yield return Pair("gz-corrupt-deflate-large", Gz, "deflate-large.json.gz", HostileBytes.GzipWithCorruptDeflate(HostileBytes.Utf8(Records(3000, 0.3, out good)), 0.6), sibling) with { Good = good + 2, Bad = 1, Scope = ProblemScope.File, InModuleSubset = true };
        yield return Pair("gz-truncated", Gz, "cut.json.gz", HostileBytes.Truncated(HostileBytes.Gzip(HostileBytes.Utf8(Records(3000, 0.3, out good))), 0.5), sibling) with { Good = good + 2, Bad = 1 };
        yield return Pair("gz-header-then-garbage", Gz, "garbage.json.gz", HostileBytes.Concat([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3], CsvCases.Garbage(2000)), sibling) with { Good = 2, Bad = 1, Scope = ProblemScope.File };
        yield return Pair("gz-header-only", Gz, "header.json.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3], sibling) with { Good = 2, Bad = 1, Scope = ProblemScope.File };
        yield return Bytes("gz-inside-gz-inside-gz", Gz, "nested.json.gz.gz.gz", HostileBytes.Gzip(HostileBytes.Gzip(HostileBytes.Gzip(HostileBytes.Utf8(Lines(Graph("bad-1"))))))) with { Bad = 1, Scope = ProblemScope.File };

        // Bombs: a 2 GB NDJSON line and a 1 GB JSON-array string from a few megabytes; the record cap stops them.
        yield return new HostileCase("gz-2gb-line-bomb", Gz, folder =>
        {
            var path = folder.PathOf("bomb.ndjson.gz");
            HostileBytes.WriteGzipBomb(path, HostileBytes.Utf8(Graph("good-1") + "\n{\"id\":\"bad-1\",\"userAgent\":\""), (byte)'A', 2L << 30, HostileBytes.Utf8("\"}\n" + Graph("maybe-1") + "\n"));
            return [path];
        }) { Good = 1, Bad = 1, TimeLimit = TimeSpan.FromSeconds(120), InModuleSubset = true }; // the line is skipped, but past 1 GB and 200x its size the gzip is a bomb: the record after it is not read, and the error says so

        // The same line under the expansion limit: over the 64 MB record cap it is one located error, skipped without being kept, and the next line is read.
        yield return new HostileCase("gz-100mb-line", Gz, folder =>
        {
            var path = folder.PathOf("long-line.ndjson.gz");
            HostileBytes.WriteGzipBomb(path, HostileBytes.Utf8(Graph("good-1") + "\n{\"id\":\"bad-1\",\"userAgent\":\""), (byte)'A', 100L << 20, HostileBytes.Utf8("\"}\n" + Graph("good-2") + "\n"));
            return [path];
        }) { Good = 2, Bad = 1, TimeLimit = TimeSpan.FromSeconds(120) };
        yield return new HostileCase("zip-1gb-entry-bomb", Zip, folder =>
        {
            var path = folder.PathOf("bomb.zip");
            HostileBytes.WriteZipBomb(path, "signins.json", HostileBytes.Utf8("[" + Graph("good-1") + ",{\"id\":\"bad-1\",\"userAgent\":\""), (byte)'A', 1L << 30, HostileBytes.Utf8("\"}," + Graph("maybe-1") + "]"));
            return [path, folder.Text("beside.ndjson", Lines(Graph("good-2")))];
        }) { Good = 2, Bad = 1, TimeLimit = TimeSpan.FromSeconds(120), InModuleSubset = true };

        // ZIP: damage, wrong flags, hostile names; the intact entry beside the bad one is still read.
        var intact = HostileBytes.Utf8(Lines(Graph("good-intact-1"), Graph("good-intact-2")));
        yield return Bytes("zip-bad-crc", Zip, "crc.zip", HostileBytes.ZipWithBadCrc(("a.ndjson", HostileBytes.Utf8(Records(50, 0.9, out var crcGood))))) with { Good = crcGood, Bad = 1, Scope = ProblemScope.File }; // the stored CRC-32 is checked as the entry ends: every record is read, then one error
        yield return Pair("zip-truncated", Zip, "cut.zip", HostileBytes.Truncated(HostileBytes.Zip(("a.ndjson", HostileBytes.Utf8(Records(500, 0, out _)))), 0.6), sibling) with { Good = 2, Bad = 1, Scope = ProblemScope.File, InModuleSubset = true };
        yield return Bytes("zip-corrupt-deflate-entry", Zip, "deflate.zip", CorruptFirstEntry(HostileBytes.Zip(("a.ndjson", HostileBytes.Utf8(Records(3000, 0.2, out var deflateGood))), ("b.ndjson", intact)))) with { Good = deflateGood + 2, Bad = 1, Scope = ProblemScope.File };
        yield return Bytes("zip-unknown-method", Zip, "method.zip", SetMethod(HostileBytes.Zip(("lzma.json", HostileBytes.Utf8(Lines(Graph("bad-1")))), ("b.ndjson", intact)), entry: 0, method: 14)) with { Good = 2, Bad = 1, Scope = ProblemScope.File };
        yield return Bytes("zip-esc-bel-in-entry-name", Zip, "names.zip", HostileBytes.Zip(("\u001b[2J\u001b]0;pwned\u0007.txt", HostileBytes.Utf8("not a log")), ("b.ndjson", intact))) with { Good = 2, Bad = 1, Scope = ProblemScope.File, Defect = 12, InModuleSubset = true };
        yield return Bytes("zip-esc-in-name-bad-record", Zip, "records.zip", HostileBytes.Zip(("\u001b[31mred\u0007.ndjson", HostileBytes.Utf8(Lines(Graph("good-1"), "{oops", Graph("good-2")))))) with { Good = 2, Bad = 1, Defect = 12 };
        yield return Bytes("zip-directory-count-wrong", Zip, "count.zip", EndOfDirectoryCount(HostileBytes.Zip(("a.ndjson", intact)), 7)) with { Good = 0, Bad = 1, Scope = ProblemScope.File, Defect = 11 }; // a damaged directory locates no entry: one clear error
        yield return Bytes("zip-traversal-names", Zip, "traversal.zip", HostileBytes.Zip(("../../../../etc/passwd.json", HostileBytes.Utf8(Lines(Graph("good-1")))), ("/abs/x.ndjson", HostileBytes.Utf8(Lines(Graph("good-2")))))) with { Good = 2 };
        yield return Bytes("zip-inside-zip-inside-zip", Zip, "nested.zip", HostileBytes.Zip(("inner.zip", HostileBytes.Zip(("innermost.zip", HostileBytes.Zip(("a.ndjson", intact))))))) with { Good = 0, Bad = 1, Scope = ProblemScope.File }; // archives are read two deep
        yield return Bytes("zip-thousand-entries", Zip, "many.zip", HostileBytes.Zip(Enumerable.Range(1, 1000).Select(i => ("e" + i + ".ndjson", HostileBytes.Utf8(Graph("good-" + i) + "\n"))).ToArray())) with { Good = 1000 };
        yield return Bytes("zip-empty-archive", Zip, "empty.zip", HostileBytes.Zip());
        yield return Bytes("zip-formula-entry-name", Zip, "formula.zip", HostileBytes.Zip(("=cmd|' calc'!A0.txt", HostileBytes.Utf8("x")), ("b.ndjson", intact))) with { Good = 2, Bad = 1, Scope = ProblemScope.File };
    }

    /// <summary>NDJSON of <paramref name="count"/> records: the first <paramref name="goodShare"/> owed (good-N), the rest maybe-N.</summary>
    private static string Records(int count, double goodShare, out int good)
    {
        good = (int)(count * goodShare);
        var owed = good;
        return Lines(Enumerable.Range(1, count).Select(i => Graph((i <= owed ? "good-" : "maybe-") + i, ",\"userAgent\":\"agent " + i * 7919 + "\"")).ToArray());
    }

    /// <summary>The damaged file and an intact NDJSON file beside it, read in turn.</summary>
    private static HostileCase Pair(string name, string input, string fileName, byte[] bad, string sibling) =>
        new(name, input, folder => [folder.Bytes(fileName, bad), folder.Text("beside.ndjson", sibling)]);

    /// <summary>Flips bytes through the middle of the first entry's deflate data.</summary>
    private static byte[] CorruptFirstEntry(byte[] zip)
    {
        var compressedSize = BitConverter.ToInt32(zip, 18);
        var dataStart = 30 + BitConverter.ToUInt16(zip, 26) + BitConverter.ToUInt16(zip, 28);
        for (var i = dataStart + compressedSize / 3; i < dataStart + compressedSize * 2 / 3; i += 5)
        {
            zip[i] ^= 0x55;
        }

        return zip;
    }

    /// <summary>The end-of-central-directory record claims <paramref name="entries"/> entries (the fuzzer found this one).</summary>
    private static byte[] EndOfDirectoryCount(byte[] zip, ushort entries)
    {
        var end = zip.Length - 22;
        BitConverter.GetBytes(entries).CopyTo(zip, end + 8);
        BitConverter.GetBytes(entries).CopyTo(zip, end + 10);
        return zip;
    }

    private static byte[] SetMethod(byte[] zip, int entry, ushort method) => PatchHeaders(zip, entry, localOffset: 8, centralOffset: 10, method);

    /// <summary>Patches a 16-bit field of entry number <paramref name="entry"/> in its local header and central directory record.</summary>
    private static byte[] PatchHeaders(byte[] zip, int entry, int localOffset, int centralOffset, ushort value)
    {
        int local = 0, central = 0;
        for (var i = 0; i + 4 < zip.Length; i++)
        {
            if (zip[i] != (byte)'P' || zip[i + 1] != (byte)'K')
            {
                continue;
            }

            if (zip[i + 2] == 3 && zip[i + 3] == 4 && local++ == entry)
            {
                BitConverter.GetBytes(value).CopyTo(zip, i + localOffset);
            }
            else if (zip[i + 2] == 1 && zip[i + 3] == 2 && central++ == entry)
            {
                BitConverter.GetBytes(value).CopyTo(zip, i + centralOffset);
            }
        }

        return zip;
    }
}
