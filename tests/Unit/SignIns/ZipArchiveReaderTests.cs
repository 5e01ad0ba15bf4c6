using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

public class ZipArchiveReaderTests
{
    [Fact]
    public void A_zip_with_two_formats_reads_the_same_sign_ins_as_the_files()
    {
        var expected = ReadFixture("graph-beta-pages.json").SignIns().Concat(ReadFixture("diagnostic-archive.ndjson.gz").SignIns()).ToList();
        using var zip = Temp("export.zip", Zip(
            ("graph/graph-beta-pages.json", File.ReadAllBytes(SignInFixtures.Path("graph-beta-pages.json"))),
            ("diagnostic-archive.ndjson.gz", File.ReadAllBytes(SignInFixtures.Path("diagnostic-archive.ndjson.gz")))));
        var entries = new List<string>();

        var items = SignInLogReader.ReadFile(zip.FullName, SignInLogFormat.Auto, entries.Add, CancellationToken.None).ToList();

        Assert.Empty(items.Problems());
        Assert.Equal(expected.Select(Key), items.SignIns().Select(Key));
        Assert.Equal([zip.FullName + "!graph/graph-beta-pages.json", zip.FullName + "!diagnostic-archive.ndjson.gz"], entries);
        Assert.StartsWith(zip.FullName + "!graph/graph-beta-pages.json", items.SignIns()[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_entry_is_reported_by_name_and_the_others_are_read()
    {
        using var zip = Temp("export.zip", Zip(
            ("README.txt", Encoding.UTF8.GetBytes("Sign-in export of 2025-03-04\n")),
            ("empty/", []),
            ("la.csv", File.ReadAllBytes(SignInFixtures.Path("la-signinlogs-portal.csv")))));

        var items = SignInLogReader.ReadFile(zip.FullName, SignInLogFormat.Auto, CancellationToken.None).ToList();

        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInLogFormatUnknown", zip.FullName + "!README.txt"), (problem.ErrorId, problem.File));
        Assert.Equal(ReadFixture("la-signinlogs-portal.csv").SignIns().Select(Key), items.SignIns().Select(Key));
    }

    [Fact]
    public void A_zip_inside_gzip_is_read_too()
    {
        var inner = Zip(("a.json", File.ReadAllBytes(SignInFixtures.Path("admin-center-signins.json"))));
        using var gz = Temp("export.zip.gz", Gzip(inner));

        var items = SignInLogReader.ReadFile(gz.FullName, SignInLogFormat.Auto, CancellationToken.None).ToList();

        Assert.Empty(items.Problems());
        Assert.Equal(ReadFixture("admin-center-signins.json").SignIns().Select(Key), items.SignIns().Select(Key));
    }

    [Fact]
    public void A_broken_zip_and_an_empty_zip_are_reported()
    {
        using var broken = Temp("broken.zip", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);
        using var empty = Temp("empty.zip", Zip());

        var brokenProblem = Assert.Single(SignInLogReader.ReadFile(broken.FullName, SignInLogFormat.Auto, CancellationToken.None));
        var emptyProblem = Assert.Single(SignInLogReader.ReadFile(empty.FullName, SignInLogFormat.Auto, CancellationToken.None));

        Assert.Equal(("SignInLogUnreadable", broken.FullName), (brokenProblem.Problem!.ErrorId, brokenProblem.Problem.File));
        Assert.Equal("SignInLogEmpty", emptyProblem.Problem!.ErrorId);
    }

    private static string Key(SignInEvent s) => s.Id + "|" + s.ErrorCode + "|" + s.UserPrincipalName + "|" + s.CreatedDateTime.UtcTicks;

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content, 0, content.Length);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(content, 0, content.Length);
        }

        return buffer.ToArray();
    }
}
