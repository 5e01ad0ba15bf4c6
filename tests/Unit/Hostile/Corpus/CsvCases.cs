using System;
using System.Collections.Generic;
using static EntraStrongAuth.Tests.Hostile.Corpus.HostileCorpus;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>The admin center's CSV download, broken every way RFC 4180 text can be, and its gzip bombs.</summary>
internal static class CsvCases
{
    private const string Input = "Admin center CSV";

    public static IEnumerable<HostileCase> All()
    {
        var a1 = Admin("good-1");
        var a2 = Admin("good-2");
        var a3 = Admin("good-3");

        yield return Text("csv-cut-in-quoted-cell", Input, "cut.csv", Csv(AdminHeader, a1, a2) + "2025-01-01T08:00:00Z,bad-1,50076,bad-1@contoso.com,\"Mozilla/5.0 (Win") with { Good = 2, Bad = 1 };
        yield return Text("csv-missing-and-extra-cells", Input, "cells.csv", Csv(AdminHeader, a1, "2025-01-01T08:00:00Z,bad-1,50076", "2025-01-01T08:00:00Z,bad-2,50076,u@contoso.com,ua,extra,extra", a2)) with { Good = 2, Bad = 2, InModuleSubset = true };
        yield return Text("csv-error-code-not-a-number", Input, "code.csv", Csv(AdminHeader, a1, Admin("bad-1", code: "5OO76"), a2)) with { Good = 2, Bad = 1 };
        yield return Text("csv-date-not-a-date", Input, "date.csv", Csv(AdminHeader, a1, Admin("bad-1", date: "31/02/2025 25:61"), a2)) with { Good = 2, Bad = 1 };
        yield return Text("csv-date-before-year-1", Input, "min.csv", Csv(AdminHeader.Replace("Date (UTC)", "Date (UTC+01:00)", StringComparison.Ordinal), a1, Admin("bad-1", date: "0001-01-01 00:00:00"), a2)) with { Good = 2, Bad = 1, Defect = 2 };
        yield return Bytes("csv-invalid-utf8-in-cell", Input, "latin1.csv", Splice(Csv(AdminHeader, a1, Admin("bad-1", userAgent: "M~RAW~ller"), a2), "~RAW~", 0xFC)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Bytes("csv-nul-in-cell-early", Input, "nul.csv", Splice(Csv(AdminHeader, a1, Admin("bad-1", userAgent: "a~RAW~b"), a2), "~RAW~", 0x00)) with { Good = 2, Bad = 1, Defect = 8, InModuleSubset = true };
        yield return Text("csv-esc-bel-in-bad-cell", Input, "esc.csv", Csv(AdminHeader, a1, Admin("bad-1", code: "\u001b[2J\u001b]0;pwned\u0007"), a2)) with { Good = 2, Bad = 1, Defect = 12 };
        yield return Text("csv-formula-cells", Input, "formula.csv", Csv(AdminHeader, a1, Admin("good-2", userAgent: "=HYPERLINK(\"http://x\",\"y\")"), Admin("good-3", userAgent: "+cmd|' /C calc'!A0"), Admin("good-4", userAgent: "-2+3"), Admin("good-5", userAgent: "@SUM(1)"), Admin("good-6", userAgent: "\tTAB"))) with { Good = 6, InModuleSubset = true };
        yield return Text("csv-header-only", Input, "header.csv", AdminHeader + "\r\n") with { };
        yield return Text("csv-blank-lines-between-rows", Input, "blank.csv", AdminHeader + "\r\n\r\n" + a1 + "\r\n\r\n\r\n" + a2 + "\r\n \r\n" + a3 + "\r\n") with { Good = 3 };
        yield return Text("csv-mixed-line-endings", Input, "endings.csv", AdminHeader + "\n" + a1 + "\r" + a2 + "\r\n" + a3 + "\n") with { Good = 3 };
        yield return Text("csv-quote-inside-bare-cell", Input, "quote.csv", Csv(AdminHeader, a1, "2025-01-01T08:00:00Z,good-2,50076,good-2@contoso.com,Moz\"illa", a3)) with { Good = 3 };
        yield return Text("csv-duplicate-header", Input, "dupe.csv", Csv(AdminHeader + ",\"Sign-in error code\"", a1 + ",50076", Admin("bad-1") + ",0", a2 + ",50076")) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Text("csv-semicolon-hostile", Input, "semi.csv", Csv(AdminHeader.Replace(',', ';'), a1.Replace(',', ';'), "2025-01-01T08:00:00Z;bad-1;x;y", a2.Replace(',', ';'))) with { Good = 2, Bad = 1 };
        yield return Text("csv-10mb-bare-cell", Input, "wide.csv", Csv(AdminHeader, a1, "2025-01-01T08:00:00Z,good-2,50076,good-2@contoso.com," + new string('A', 10_000_000), a3)) with { Good = 3, InModuleSubset = true };
        yield return Bytes("csv-binary-garbage", Input, "garbage.csv", Garbage(4096)) with { Bad = 1, Scope = ProblemScope.File };

        // Bombs: one quoted cell expanding to 3 GB (and to 50 MB) from a small .csv.gz must cost one located error.
        yield return new HostileCase("csv-gz-3gb-cell-bomb", Input + " in gzip", folder =>
        {
            var path = folder.PathOf("bomb.csv.gz");
            HostileBytes.WriteGzipBomb(path, HostileBytes.Utf8(Csv(AdminHeader, a1) + "2025-01-01T08:00:00Z,bad-1,50076,bad-1@contoso.com,\""), (byte)'A', 3L << 30, HostileBytes.Utf8("\"\r\n" + a2 + "\r\n"));
            return [path];
        }) { Good = 1, Bad = 1, Defect = 1, TimeLimit = TimeSpan.FromSeconds(120), InModuleSubset = true }; // past 1 GB and 200x its size the gzip is a bomb: the record after it is not read, and the error says so
        yield return new HostileCase("csv-gz-50mb-cell", Input + " in gzip", folder =>
        {
            var path = folder.PathOf("cell.csv.gz");
            HostileBytes.WriteGzipBomb(path, HostileBytes.Utf8(Csv(AdminHeader, a1) + "2025-01-01T08:00:00Z,bad-1,50076,bad-1@contoso.com,\""), (byte)'B', 50L << 20, HostileBytes.Utf8("\"\r\n" + a2 + "\r\n"));
            return [path];
        }) { Good = 2, Bad = 1, Defect = 1 };
    }

    /// <summary>Deterministic bytes of every value, NULs and control characters included.</summary>
    public static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(14).NextBytes(bytes);
        return bytes;
    }
}
