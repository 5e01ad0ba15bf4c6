using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// A JSON record is capped (64 MB; a few KB here). One record per line, a record past the cap used to end the whole
/// file, reported at the line before it; now it is one located error, its line is skipped without being kept, and the
/// next line is read. Inside a top-level array there is no safe place to resume, so the rest is still not read.
/// </summary>
public class JsonRecordCapTests
{
    private const int Cap = 4096;

    [Fact]
    public void A_line_past_the_cap_is_one_located_error_and_the_next_lines_are_read()
    {
        var text = Lines(
            Graph("good-1"),
            "{\"id\":\"bad-1\",\"userAgent\":\"" + new string('A', Cap * 5) + "\"}",
            Graph("good-2"),
            "{\"id\":\"bad-2\",\"userAgent\":\"" + new string('B', Cap * 2) + "\"}",
            "{\"id\":\"bad-3\",\"userAgent\":\"" + new string('C', Cap * 3) + "\"}",
            Graph("good-3"));

        var items = Read(text);

        Assert.Equal(["good-1", "good-2", "good-3"], items.Where(i => i.SignIn is not null).Select(i => i.SignIn!.Id));
        var problems = items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();
        Assert.Equal([(2L, 2L), (4L, 4L), (5L, 5L)], problems.Select(p => (p.Line!.Value, p.Record!.Value)));
        Assert.All(problems, p => Assert.Equal(SignInProblems.RecordInvalid, p.ErrorId));
        Assert.All(problems, p => Assert.Contains("larger than 4096 bytes", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains("reading resumes at the next line", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_past_the_cap_inside_a_top_level_array_still_ends_the_file()
    {
        var text = "[\n" + Graph("good-1") + ",\n{\"id\":\"bad-1\",\"userAgent\":\"" + new string('A', Cap * 3) + "\"},\n" + Graph("maybe-1") + "\n]\n";

        var items = Read(text);

        Assert.Equal(["good-1"], items.Where(i => i.SignIn is not null).Select(i => i.SignIn!.Id));
        var problem = Assert.Single(items, i => i.Problem is not null).Problem!;
        Assert.Equal(SignInProblems.RecordInvalid, problem.ErrorId);
        Assert.Equal(3L, problem.Line);
        Assert.Contains("The rest of the file is not read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_skipped_line_is_not_kept_in_memory()
    {
        // 16 MB in one line against a 64 KB cap: skipping reads it in buffer-sized pieces and drops them.
        var bytes = Encoding.UTF8.GetBytes(Lines("{\"id\":\"bad-1\",\"userAgent\":\"" + new string('A', 16 * 1024 * 1024) + "\"}", Graph("good-1")));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var items = Read(new MemoryStream(bytes), 64 * 1024);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(["good-1"], items.Where(i => i.SignIn is not null).Select(i => i.SignIn!.Id));
        Assert.Equal(1L, Assert.Single(items, i => i.Problem is not null).Problem!.Line);
        Assert.True(allocated < 4L * 1024 * 1024, "allocated " + allocated / 1024 + " KB");
    }

    private static List<SignInReadItem> Read(string text) => Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Cap);

    private static List<SignInReadItem> Read(Stream stream, int cap)
    {
        var items = new List<SignInReadItem>();
        using var reader = new JsonRecordStream(stream, "cap.ndjson", SignInJsonNames.SignIn, SignInJsonNames.FieldNames(SignInJsonNames.SignIn), RecordScope.Whole, default, cap);
        while (reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
