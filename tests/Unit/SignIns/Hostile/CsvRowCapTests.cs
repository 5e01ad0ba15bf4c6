using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// A CSV row is capped like a JSON record: a quoted cell that expands to gigabytes used to grow the row buffer without
/// limit (21.7 GB for a 3 GB cell, and an overflow at 2^30 chars). Past the cap the row is scanned, not kept, reported
/// with its line, and the next row is read.
/// </summary>
public class CsvRowCapTests
{
    [Fact]
    public void A_row_past_the_cap_is_flagged_with_its_line_and_the_next_row_is_read()
    {
        var text = "a,b\n\"" + new string('x', 200) + "\nstill inside\",c\nd,e\n,\"" + new string(',', 300) + "\"\nf,g\n";
        var csv = new CsvRecordReader(new StringReader(text), bufferSize: 16, maxRowChars: 100);
        var rows = new List<(long Line, bool TooLong, string Text)>();
        while (csv.Read())
        {
            rows.Add((csv.Line, csv.IsTooLong, string.Join("|", Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString()))));
        }

        Assert.Equal(
            [
                (1L, false, "a|b"),
                (2L, true, string.Empty),
                (4L, false, "d|e"),
                (5L, true, string.Empty),
                (6L, false, "f|g"),
            ],
            rows);
    }

    [Fact]
    public void Many_empty_fields_count_against_the_cap()
    {
        var csv = new CsvRecordReader(new StringReader(new string(',', 1000) + "\nok\n"), maxRowChars: 400);

        Assert.True(csv.Read());
        Assert.True(csv.IsTooLong);
        Assert.Equal(0, csv.FieldCount);
        Assert.True(csv.Read());
        Assert.False(csv.IsTooLong);
        Assert.Equal("ok", csv[0].ToString());
    }

    [Fact]
    public void A_gzipped_log_analytics_csv_with_a_huge_cell_costs_one_located_error_and_bounded_memory()
    {
        // 80 M chars in one quoted cell: 80 KB gzipped. Without the cap the row buffer alone grew to 256 MB.
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(zip, new UTF8Encoding(false)))
        {
            writer.Write("TimeGenerated,ResultType,Id,UserAgent\r\n2025-01-01T00:00:00Z,50076,a,ua\r\n2025-01-01T00:00:01Z,50076,bad,\"");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 80; i++)
            {
                writer.Write(chunk);
            }

            writer.Write("\"\r\n2025-01-01T00:00:02Z,50076,c,ua\r\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var items = ReadBytes(gz.ToArray(), "huge.csv.gz");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInRecordInvalid", problem.ErrorId);
        Assert.Equal(3, problem.Line);
        Assert.Equal(2, problem.Record);
        Assert.Contains("64 MB", problem.Message, StringComparison.Ordinal);
        // Allocated over the whole read, not held at once: the row buffer's doublings up to its 64 MB cap (~128 MB)
        // plus the decompressor answering in 2 KB chunks (so a bad checksum costs one chunk). Before the cap: 764 MB
        // for a 50 MB cell. Peak memory is checked by the hostile corpus' module runs (under 512 MB).
        Assert.True(allocated < 320L * 1024 * 1024, "allocated " + allocated / (1024 * 1024) + " MB");
    }

    [Fact]
    public void A_header_past_the_cap_is_one_format_error()
    {
        var csv = new CsvSignInReader(new StringReader(new string('h', 5000) + ",x\nTimeGenerated,ResultType\n"), ',', "wide.csv", SignInLogFormat.LogAnalyticsCsv, RecordScope.Whole, default, maxRowChars: 1000);

        Assert.True(csv.TryRead(out var item));
        Assert.Equal("SignInLogFormatUnknown", item.Problem?.ErrorId);
        Assert.False(csv.TryRead(out _));
    }
}
