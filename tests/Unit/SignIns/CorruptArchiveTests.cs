using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>Damaged gzip and ZIP data is reported as damage, where it is, after the records before it; bombs end with an error.</summary>
public class CorruptArchiveTests
{
    [Fact]
    public void A_bad_gzip_checksum_keeps_the_records_before_it_and_says_the_data_is_corrupt()
    {
        var bytes = Gzip(Records(5));
        bytes[^8] ^= 0xFF; // the CRC-32 in the trailer

        var items = ReadBytes(bytes, "signins.json.gz");

        Assert.True(items.SignIns().Count >= 4, "Only " + items.SignIns().Count + " of 5 records were read.");
        var problem = items.Problems()[^1];
        Assert.Equal(("SignInLogUnreadable", "signins.json.gz"), (problem.ErrorId, problem.File));
        Assert.Contains("gzip data is corrupt", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported compression method", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_deflate_data_in_the_middle_keeps_the_records_before_it_and_says_where()
    {
        var good = Gzip(Records(30));
        var broken = Gzip(Records(30));
        broken[10] = 0x07; // the first deflate block of the second member: final, of the reserved type 3
        var bytes = good.Concat(broken).ToArray();

        var items = ReadBytes(bytes, "signins.json.gz");

        Assert.Equal(30, items.SignIns().Count);
        Assert.Single(items.Problems());
        var problem = items.Problems()[^1];
        Assert.Equal("SignInLogUnreadable", problem.ErrorId);
        Assert.Matches("gzip data is corrupt .* after [0-9,]+ bytes of content, near byte [0-9,]+ of the compressed data", problem.Message);
    }

    [Fact]
    public void A_corrupt_zip_entry_is_named_and_the_other_entries_are_read()
    {
        var zip = ZipArchiveReaderTests.Zip(("a.json", Encoding.UTF8.GetBytes(Records(40))), ("b.json", Encoding.UTF8.GetBytes(Records(3))));
        var broken = Corrupt(zip, Encoding.UTF8.GetBytes(Records(40)));
        using var file = Temp("export.zip", broken);

        var items = EntraStrongAuth.Engine.SignIns.SignInLogReader.ReadFile(file.FullName, EntraStrongAuth.Core.SignIns.SignInLogFormat.Auto, System.Threading.CancellationToken.None).ToList();

        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInLogUnreadable", file.FullName + "!a.json"), (problem.ErrorId, problem.File));
        Assert.Contains("ZIP entry's data is corrupt", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, items.SignIns().Count(s => s.Source!.StartsWith(file.FullName + "!b.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_decompression_bomb_ends_with_an_error_at_the_budget()
    {
        var spaces = Gzip(new string(' ', 8 * 1024 * 1024));
        var budget = new ExpansionBudget(() => spaces.Length, floor: 1024 * 1024);
        using var bomb = new DecompressedStream(new GZipStream(new MemoryStream(spaces), CompressionMode.Decompress), "gzip data", () => null, budget, storedCrc32: null);

        using var output = new MemoryStream();
        bomb.CopyTo(output);

        Assert.InRange(output.Length, budget.Limit - DecompressedStream.ChunkSize, budget.Limit);
        Assert.True(budget.Limit < 8 * 1024 * 1024);
        var failure = Assert.IsType<InvalidDataException>(bomb.Failure);
        Assert.Contains("decompression bomb", failure.Message, StringComparison.Ordinal);
        Assert.Contains("200 times its compressed size", failure.Message, StringComparison.Ordinal);
        Assert.Equal(-1, bomb.ReadByte()); // and it stays ended
    }

    [Fact]
    public void A_zip_three_archives_deep_is_refused_and_one_two_deep_is_read()
    {
        var inner = ZipArchiveReaderTests.Zip(("a.json", Encoding.UTF8.GetBytes(Records(2))));
        using var twoDeep = Temp("two.zip", ZipArchiveReaderTests.Zip(("inner.zip", inner)));
        using var threeDeep = Temp("three.zip", ZipArchiveReaderTests.Zip(("middle.zip", ZipArchiveReaderTests.Zip(("inner.zip", inner)))));

        var read = EntraStrongAuth.Engine.SignIns.SignInLogReader.ReadFile(twoDeep.FullName, EntraStrongAuth.Core.SignIns.SignInLogFormat.Auto, System.Threading.CancellationToken.None).ToList();
        var refused = EntraStrongAuth.Engine.SignIns.SignInLogReader.ReadFile(threeDeep.FullName, EntraStrongAuth.Core.SignIns.SignInLogFormat.Auto, System.Threading.CancellationToken.None).ToList();

        Assert.Equal(2, read.SignIns().Count);
        Assert.Empty(read.Problems());
        var problem = Assert.Single(refused.Problems());
        Assert.Equal(("SignInLogUnreadable", threeDeep.FullName + "!middle.zip!inner.zip"), (problem.ErrorId, problem.File));
    }

    /// <summary>NDJSON of <paramref name="count"/> full sign-ins like the synthetic tenant's first, about 5 KB each.</summary>
    private static string Records(int count)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(RepositoryFolder.Root(), "samples", "signins", "signins.graph.json")));
        var first = sample.RootElement[0].GetRawText();
        return string.Concat(Enumerable.Range(0, count).Select(i => first.Replace("\"id\":\"", "\"id\":\"" + i + "-", StringComparison.Ordinal) + "\n"));
    }

    private static byte[] Gzip(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Breaks the first entry's compressed data (which follows its 30-byte header and name).</summary>
    private static byte[] Corrupt(byte[] zip, byte[] firstEntry)
    {
        var copy = (byte[])zip.Clone();
        var compressedLength = BitConverter.ToInt32(copy, 18);
        var dataStart = 30 + BitConverter.ToInt16(copy, 26) + BitConverter.ToInt16(copy, 28);
        Assert.True(compressedLength > 100 && compressedLength < firstEntry.Length);
        copy[dataStart] = 0x07; // a final deflate block of the reserved type 3
        return copy;
    }
}
