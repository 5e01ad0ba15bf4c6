using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.Tests.Hostile;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>A ZIP entry's stored CRC-32 is checked as the entry ends: a mismatch is one located error after the entry's records.</summary>
public class ZipEntryChecksumTests
{
    [Fact]
    public void Crc32_gives_the_standard_check_values()
    {
        Assert.Equal(0xCBF43926u, Checksum("123456789"));
        Assert.Equal(0x00000000u, Checksum(string.Empty));
        Assert.Equal(0x414FA339u, Checksum("The quick brown fox jumps over the lazy dog"));
    }

    [Fact]
    public void An_intact_zip_is_read_without_an_error()
    {
        var expected = ReadFixture("la-signinlogs-portal.csv").SignIns().Count;
        using var zip = Temp("export.zip", HostileBytes.Zip(("portal.csv", File.ReadAllBytes(Path("la-signinlogs-portal.csv")))));

        var items = ReadZip(zip.FullName);

        Assert.Empty(items.Problems());
        Assert.Equal(expected, items.SignIns().Count);
    }

    [Fact]
    public void A_stored_checksum_that_does_not_match_keeps_the_records_and_gives_one_located_error()
    {
        var expected = ReadFixture("la-signinlogs-portal.csv").SignIns().Count;
        using var zip = Temp("export.zip", HostileBytes.ZipWithBadCrc(("portal.csv", File.ReadAllBytes(Path("la-signinlogs-portal.csv")))));

        var items = ReadZip(zip.FullName);

        Assert.Equal(expected, items.SignIns().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInLogUnreadable", zip.FullName + "!portal.csv"), (problem.ErrorId, problem.File));
        Assert.Contains("ZIP entry's data does not match its stored checksum (CRC-32", problem.Message, StringComparison.Ordinal);
        Assert.Contains("records read from it may be damaged", problem.Message, StringComparison.Ordinal);
        Assert.IsType<SignInReadProblem>(items[^1].Problem); // after the records it qualifies
    }

    [Fact]
    public void A_bad_checksum_on_a_zip_inside_a_zip_names_the_inner_archive_after_its_entries()
    {
        var inner = HostileBytes.Zip(("a.ndjson", File.ReadAllBytes(Path("diagnostic-archive.ndjson"))));
        var expected = ReadFixture("diagnostic-archive.ndjson").SignIns().Count;
        using var zip = Temp("outer.zip", WithBadFirstCrc(HostileBytes.Zip(("inner.zip", inner))));

        var items = ReadZip(zip.FullName);

        Assert.Equal(expected, items.SignIns().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInLogUnreadable", zip.FullName + "!inner.zip"), (problem.ErrorId, problem.File));
        Assert.Contains("does not match its stored checksum", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The archive with its first entry's CRC-32 flipped, in its local header and its central directory record (found
    /// through the end record, which is the last 22 bytes when there is no comment): unlike a search for signatures,
    /// this cannot touch an archive stored inside it.
    /// </summary>
    private static byte[] WithBadFirstCrc(byte[] zip)
    {
        var copy = (byte[])zip.Clone();
        var endRecord = copy.Length - 22;
        Assert.Equal(0x06054B50, BitConverter.ToInt32(copy, endRecord));
        var directory = BitConverter.ToInt32(copy, endRecord + 16);
        Assert.Equal(0x02014B50, BitConverter.ToInt32(copy, directory));
        copy[14] ^= 0xFF;
        copy[directory + 16] ^= 0xFF;
        return copy;
    }

    private static uint Checksum(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return Crc32.Final(Crc32.Update(Crc32.Initial, bytes, 0, bytes.Length));
    }

    private static System.Collections.Generic.List<SignInReadItem> ReadZip(string path) =>
        SignInLogReader.ReadFile(path, SignInLogFormat.Auto, CancellationToken.None).ToList();
}
