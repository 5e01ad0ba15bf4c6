using System;
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

/// <summary>Every way input can be wrong: an item with a stable error id, the file, line/record and field; never a throw.</summary>
public class SignInReadProblemTests
{
    private const string Good = """{"id":"ok","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":50076}}""";

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_SignInLogEmpty(string content)
    {
        using var file = Temp("empty.json", content);

        var problem = Assert.Single(SignInLogReader.ReadFile(file.FullName, SignInLogFormat.Auto, CancellationToken.None)).Problem!;

        Assert.Equal("SignInLogEmpty", problem.ErrorId);
        Assert.Equal(file.FullName, problem.File);
        Assert.Equal(SignInLogFormat.Auto, SignInLogReader.DetectFormat(file.FullName));
    }

    [Fact]
    public void An_empty_gzip_is_SignInLogEmpty()
    {
        byte[] emptyGzip = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var problem = Assert.Single(ReadBytes(emptyGzip, "signins.json.gz")).Problem!;

        Assert.Equal("SignInLogEmpty", problem.ErrorId);
        Assert.Contains("after decompression", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"foo":1,"bar":{"baz":2}}""", "foo, bar")]
    [InlineData("when,what\r\n1,2\r\n", "\"when\", \"what\"")]
    [InlineData("just some text", "just some text")]
    [InlineData("[1,2,3]", "(none)")]
    public void Content_of_no_known_format_is_SignInLogFormatUnknown_saying_what_was_seen(string content, string seen)
    {
        var problem = Assert.Single(ReadText(content, "mystery.json")).Problem!;

        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Equal("mystery.json", problem.File);
        Assert.Contains(seen, problem.Message, StringComparison.Ordinal);
        Assert.Contains("Known formats: GraphJson", problem.Message, StringComparison.Ordinal);
        Assert.Contains("DiagnosticArchive", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_archive_is_named_as_such()
    {
        var problem = Assert.Single(ReadBytes([(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0], "download.zip")).Problem!;

        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Contains("ZIP archive", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_cut_off_mid_record_is_SignInLogTruncated_after_the_records_before_it()
    {
        var full = Text("graph-beta-pages.json");
        var cut = full.Substring(0, full.IndexOf("b7e6d5c4", StringComparison.Ordinal) + 20);

        var items = ReadText(cut, "cut.json");

        Assert.Equal(2, items.SignIns().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInLogTruncated", problem.ErrorId);
        Assert.Equal(3, problem.Record);
        Assert.Equal(cut.Take(cut.LastIndexOf('{')).Count(c => c == '\n') + 1, problem.Line);
        Assert.Same(items[^1].Problem, problem);
    }

    [Fact]
    public void A_page_without_its_closing_brackets_is_truncated()
    {
        var items = ReadText("{\"value\":[" + Good + "," + Good, "cut.json");

        Assert.Equal(2, items.SignIns().Count);
        Assert.Equal("SignInLogTruncated", Assert.Single(items.Problems()).ErrorId);
    }

    [Fact]
    public void A_non_object_record_is_SignInRecordInvalid_and_the_next_record_is_read()
    {
        var items = ReadText("{\"value\":[5,\"x\",[1,[2]]," + Good + "]}", "page.json");

        Assert.Equal("ok", Assert.Single(items.SignIns()).Id);
        var problems = items.Problems();
        Assert.Equal(["SignInRecordInvalid", "SignInRecordInvalid", "SignInRecordInvalid"], problems.Select(p => p.ErrorId));
        Assert.Equal([1L, 2L, 3L], problems.Select(p => p.Record!.Value));
        Assert.Contains("is a number; expected a sign-in object", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("is an array", problems[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","status":{"errorCode":50076}}""", "createdDateTime")]
    [InlineData("""{"id":"x","createdDateTime":"2025-01-01T00:00:00Z"}""", "status.errorCode")]
    [InlineData("""{"id":"x","createdDateTime":"2025-01-01T00:00:00Z","status":5}""", "status.errorCode")]
    public void A_record_without_time_or_error_code_is_SignInRecordInvalid(string record, string field)
    {
        var items = ReadText("[\n" + Good + ",\n" + record + "\n]", "array.json");

        Assert.Single(items.SignIns());
        var problem = items.Problems().Single(p => p.ErrorId == "SignInRecordInvalid");
        Assert.Equal(field, problem.Field);
        Assert.Equal(2, problem.Record);
        Assert.Equal(3, problem.Line);
        Assert.Equal("array.json", problem.File);
    }

    [Theory]
    [InlineData("""{"createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":"abc"}}""", "status.errorCode", "\"abc\"")]
    [InlineData("""{"createdDateTime":"yesterday","status":{"errorCode":50076}}""", "createdDateTime", "\"yesterday\"")]
    [InlineData("""{"createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":true}}""", "status.errorCode", "\"true\"")]
    public void A_wrong_time_or_error_code_is_SignInFieldInvalid_and_the_record_is_not_yielded(string record, string field, string shown)
    {
        var items = ReadText(Good + "\n" + record + "\n" + Good + "\n", "lines.ndjson");

        Assert.Equal(2, items.SignIns().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInFieldInvalid", field, 2L, 2L), (problem.ErrorId, problem.Field, problem.Record!.Value, problem.Line!.Value));
        Assert.Contains(shown, problem.Message, StringComparison.Ordinal);
        Assert.Contains("The record is skipped", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_step_time_is_read_as_its_unescaped_text()
    {
        // System.Text.Json's default encoder writes '+' as \u002B; the string is still an ISO date-time.
        const string Record = """{"id":"esc","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":50076},"authenticationDetails":[{"authenticationStepDateTime":"2026-11-22T19:57:52.0000000\u002B01:00","succeeded":true}]}""";

        var items = ReadText(Record + "\n", "escaped.ndjson");

        Assert.Empty(items.Problems());
        var step = Assert.Single(Assert.Single(items.SignIns()).AuthenticationDetails);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 18, 57, 52, TimeSpan.Zero), step.AuthenticationStepDateTime);
    }

    [Theory]
    [InlineData("\"deviceDetail\":{\"isCompliant\":\"maybe\"}", "deviceDetail.isCompliant")]
    [InlineData("\"isInteractive\":{}", "isInteractive")]
    [InlineData("\"autonomousSystemNumber\":\"AS8075\"", "autonomousSystemNumber")]
    [InlineData("\"appliedConditionalAccessPolicies\":{\"id\":\"p\"}", "appliedConditionalAccessPolicies")]
    [InlineData("\"authenticationDetails\":[{\"authenticationStepDateTime\":\"soon\"}]", "authenticationDetails.authenticationStepDateTime")]
    [InlineData("\"userPrincipalName\":[\"a\"]", "userPrincipalName")]
    public void Another_wrong_field_is_SignInFieldInvalid_and_the_record_is_yielded_without_it(string property, string field)
    {
        var record = """{"id":"x","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":50076},""" + property + ",\"appId\":\"after\"}";

        var items = ReadText(record, "one.json");

        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInFieldInvalid", field, 1L), (problem.ErrorId, problem.Field, problem.Record!.Value));
        Assert.Contains("The field is left empty", problem.Message, StringComparison.Ordinal);
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal(("x", "after", 50076), (signIn.Id, signIn.AppId, signIn.ErrorCode));
        Assert.Null(signIn.IsCompliant);
        Assert.Null(signIn.UserPrincipalName);
    }

    [Fact]
    public void Broken_json_in_a_log_analytics_string_column_loses_only_that_field()
    {
        var row = """{"TimeGenerated":"2025-01-01T00:00:00Z","ResultType":"0","DeviceDetail":"{\"operatingSystem\":","UserPrincipalName":"u@contoso.com"}""";

        var items = ReadText(row, "la.json");

        Assert.Equal("DeviceDetail", Assert.Single(items.Problems()).Field);
        Assert.Equal("u@contoso.com", Assert.Single(items.SignIns()).UserPrincipalName);
    }

    [Fact]
    public void A_wrong_value_another_column_makes_up_for_is_reported_and_the_record_kept()
    {
        var row = """{"TimeGenerated":"2025-01-01T00:00:00Z","CreatedDateTime":"later","ResultType":"n/a","Status":{"errorCode":50074}}""";

        var items = ReadText(row, "la.json");

        Assert.Equal(["CreatedDateTime", "ResultType"], items.Problems().Select(p => p.Field));
        Assert.All(items.Problems(), p => Assert.Equal("SignInFieldInvalid", p.ErrorId));
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal((50074, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), (signIn.ErrorCode, signIn.CreatedDateTime));
    }

    [Fact]
    public void Malformed_json_on_one_line_skips_that_line_only()
    {
        var items = ReadText(Good + "\n{\"id\":\"bad\",\"createdDateTime\":\"2025-01-01T00:00:00Z\" oops}\n" + Good.Replace("ok", "ok3", StringComparison.Ordinal) + "\n", "lines.ndjson");

        Assert.Equal(["ok", "ok3"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInRecordInvalid", 2L, 2L), (problem.ErrorId, problem.Line!.Value, problem.Record!.Value));
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.Contains("resumes at the next line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_inside_an_array_stops_after_the_records_before_it()
    {
        var items = ReadText("[" + Good + ",\n{\"id\":: 1}," + Good + "]", "array.json");

        Assert.Single(items.SignIns());
        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInRecordInvalid", 2L), (problem.ErrorId, problem.Line!.Value));
        Assert.Contains("cannot be read reliably", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_rows_with_missing_or_extra_cells_are_SignInCsvRowMismatch_and_still_read()
    {
        var csv = "\"Date (UTC)\",\"Request ID\",\"Sign-in error code\",\"Username\"\r\n"
            + "2025-01-01T00:00:00Z,r1,50076\r\n"
            + "2025-01-01T00:00:01Z,r2,0,u@contoso.com,extra\r\n"
            + "2025-01-01T00:00:02Z,r3,abc,u@contoso.com\r\n";

        var items = ReadText(csv, "signins.csv");

        Assert.Equal(["r1", "r2"], items.SignIns().Select(s => s.Id));
        var problems = items.Problems();
        Assert.Equal(["SignInCsvRowMismatch", "SignInCsvRowMismatch", "SignInFieldInvalid"], problems.Select(p => p.ErrorId));
        Assert.Equal([2L, 3L, 4L], problems.Select(p => p.Line!.Value));
        Assert.Equal([1L, 2L, 3L], problems.Select(p => p.Record!.Value));
        Assert.Contains("has 3 cells where the header has 4", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("Sign-in error code", problems[2].Field);
    }

    [Fact]
    public void A_csv_header_without_time_or_code_columns_is_reported_once()
    {
        var items = ReadText("\"Date (UTC)\",\"Request ID\",\"Correlation ID\"\r\n2025-01-01,r,c\r\n2025-01-02,r,c\r\n", "signins.csv");

        var problem = Assert.Single(items).Problem!;
        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Contains("Sign-in error code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_SignInLogUnreadable()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esa-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var problem = Assert.Single(SignInLogReader.ReadFile(path, SignInLogFormat.Auto, CancellationToken.None)).Problem!;

        Assert.Equal(("SignInLogUnreadable", path), (problem.ErrorId, problem.File));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_fifo_is_reported_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No FIFOs in the Windows file system.
        }

        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esa-fifo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var fifo = System.IO.Path.Combine(folder, "signins.json");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }

            // Opening a FIFO without a writer blocks forever: the read runs with a time limit.
            var read = System.Threading.Tasks.Task.Run(() => SignInLogReader.ReadFile(fifo, SignInLogFormat.Auto, CancellationToken.None).ToList());
            var items = await read.WaitAsync(TimeSpan.FromSeconds(20));

            var problem = Assert.Single(items).Problem!;
            Assert.Equal(("SignInLogUnreadable", fifo), (problem.ErrorId, problem.File));
            Assert.Contains("named pipe (FIFO), not a regular file", problem.Message, StringComparison.Ordinal);
            Assert.Throws<IOException>(() => SignInLogReader.DetectFormat(fifo));
            Assert.Contains("a folder, not a regular file", Assert.Single(SignInLogReader.ReadFile(folder, SignInLogFormat.Auto, CancellationToken.None)).Problem!.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_corrupt_gzip_is_SignInLogUnreadable()
    {
        var bytes = Gzip(Encoding.UTF8.GetBytes(Text("diagnostic-archive.ndjson")));
        for (var i = 20; i < bytes.Length - 8; i += 7)
        {
            bytes[i] ^= 0x5A;
        }

        var items = ReadBytes(bytes, "archive.json.gz");

        Assert.Equal("SignInLogUnreadable", items.Problems()[^1].ErrorId);
    }

    [Fact]
    public void Cancellation_is_the_one_exception_that_leaves_the_enumeration()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => SignInLogReader.ReadFile(SignInFixtures.Path("graph-beta-pages.json"), SignInLogFormat.Auto, cancel.Token).ToList());
        Assert.Throws<OperationCanceledException>(() => SignInLogReader.ReadFile(SignInFixtures.Path("aad_logons.csv"), SignInLogFormat.Auto, cancel.Token).ToList());
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
