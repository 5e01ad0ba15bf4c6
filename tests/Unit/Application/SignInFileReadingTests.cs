using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public sealed class SignInFileReadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-reading-" + Guid.NewGuid().ToString("N"));

    public SignInFileReadingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_file_is_read_with_a_verbose_line_a_bad_record_is_an_error_and_progress_ends()
    {
        var first = Write("a.json", "{\"value\":[5,{\"id\":\"1\",\"createdDateTime\":\"2026-11-30T08:00:00Z\",\"userPrincipalName\":\"a@contoso.com\",\"status\":{\"errorCode\":50076}}]}");
        var second = Write("b.json", "[{\"id\":\"2\",\"createdDateTime\":\"2026-11-30T09:00:00Z\",\"userPrincipalName\":\"b@contoso.com\",\"status\":{\"errorCode\":0}}]");
        var host = new RecordingRunHost();
        var ids = new List<string?>();

        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { first, second }, s => { ids.Add(s.Id); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(new[] { "1", "2" }, ids);
        var (failure, _) = Assert.Single(host.Errors);
        Assert.Equal("SignInRecordInvalid", failure.ErrorId);
        Assert.Equal(FailureKind.InvalidData, failure.Kind);
        Assert.Equal("Reading " + first + ".", host.Verbose[0]);
        Assert.StartsWith("Read 1 sign-ins from " + first + " in ", host.Verbose[1], StringComparison.Ordinal);
        Assert.Equal("Reading " + second + ".", host.Verbose[2]);
        var last = host.Progress[host.Progress.Count - 1];
        Assert.True(last.Completed);
        Assert.Equal("Reading sign-in logs", last.Activity);

        // Each file ends with where the read stands; the last report holds the totals: files, sign-ins with their
        // rate, failures, and all the bytes read.
        var size = new FileInfo(first).Length + new FileInfo(second).Length;
        Assert.Matches(@"^2 files · 2 sign-ins read \([\d.,]+/s\) · 1 failed · ([\d.]+) of \1 KB$", last.Status);
        Assert.Equal((100, 0), (last.PercentComplete, last.SecondsRemaining));
        var afterFirst = Assert.Single(host.Progress, p => p.Status.StartsWith("File 1 of 2: a.json · ", StringComparison.Ordinal));
        Assert.Matches(@" · 1 sign-ins read \([\d.,]+/s\) · 1 failed · ", afterFirst.Status);
        Assert.Equal((int)(100 * new FileInfo(first).Length / size), afterFirst.PercentComplete);
    }

    [Fact]
    public async Task A_reader_warning_reaches_the_warning_stream_once_per_file()
    {
        var file = Write("a.json", "[{\"id\":\"1\",\"createdDateTime\":\"2026-11-30T08:00:00Z\",\"status\":{\"errorCode\":0},\"labNote\":\"x\"},"
            + "{\"id\":\"2\",\"createdDateTime\":\"2026-11-30T09:00:00Z\",\"status\":{\"errorCode\":0},\"labNote\":\"y\"}]");
        var host = new RecordingRunHost();
        var count = 0;

        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { file }, _ => { count++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Empty(host.Errors);
        Assert.StartsWith(file + ": 1 properties not understood, so not read: labNote.", Assert.Single(host.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_means_no_progress()
    {
        var host = new RecordingRunHost();

        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(Array.Empty<string>(), _ => Task.CompletedTask, CancellationToken.None);

        Assert.Empty(host.Progress);
        Assert.Empty(host.Verbose);
    }

    [Fact]
    public async Task A_file_reached_through_a_link_is_read_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating links there needs a privilege the test run may not have.
        }

        var real = Write("a.json", "[{\"id\":\"1\",\"createdDateTime\":\"2026-11-30T08:00:00Z\",\"status\":{\"errorCode\":50076}}]");
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, real);
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        var linkedFolder = Path.Combine(_folder, "alias");
        Directory.CreateSymbolicLink(linkedFolder, _folder);
        var host = new RecordingRunHost();
        var ids = new List<string?>();

        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { real, link, Path.Combine(linkedFolder, "a.json") }, s => { ids.Add(s.Id); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(new[] { "1" }, ids);
        Assert.Empty(host.Errors);
        Assert.Contains(host.Verbose, line => line.StartsWith("Skipped " + link + ": the same file was read already", StringComparison.Ordinal));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
