using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Cmdlets.Paths;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>-Recurse on a folder the admin does not control: links to folders are not followed, a folder that cannot be listed does not stop the walk, Ctrl+C does.</summary>
public sealed class FolderWalkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "esa-walk-" + Guid.NewGuid().ToString("N"));

    public FolderWalkTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "sub", "deeper"));
        File.WriteAllText(Path.Combine(_root, "a.json"), "[]");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "-");
        File.WriteAllText(Path.Combine(_root, "sub", "b.json"), "[]");
        File.WriteAllText(Path.Combine(_root, "sub", "deeper", "c.json"), "[]");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_link_to_a_parent_folder_is_skipped_and_every_file_listed_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating links there needs a privilege the test run may not have.
        }

        Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "up"), _root);

        var listing = FolderWalk.List(_root, recurse: true, IsJson, CancellationToken.None);

        Assert.Equal(new[] { Path.Combine(_root, "a.json"), Path.Combine(_root, "sub", "b.json"), Path.Combine(_root, "sub", "deeper", "c.json") }, listing.Files);
        Assert.Equal(new[] { Path.Combine(_root, "sub", "up") }, listing.SkippedLinks);
        Assert.Empty(listing.UnreadableFolders);
    }

    [Fact]
    public void Without_recurse_only_the_folder_itself_is_listed()
    {
        var listing = FolderWalk.List(_root, recurse: false, IsJson, CancellationToken.None);

        Assert.Equal(new[] { Path.Combine(_root, "a.json") }, listing.Files);
    }

    [Fact]
    public void A_subfolder_that_cannot_be_listed_is_reported_and_the_others_are_listed()
    {
        var denied = Path.Combine(_root, "sub");
        IEnumerable<FileSystemInfo> EntriesOf(string folder) =>
            folder == denied ? throw new UnauthorizedAccessException("Access to the path '" + denied + "' is denied.") : new DirectoryInfo(folder).EnumerateFileSystemInfos();

        var listing = FolderWalk.List(_root, recurse: true, IsJson, EntriesOf, CancellationToken.None);

        Assert.Equal(new[] { Path.Combine(_root, "a.json") }, listing.Files);
        var (folder, reason) = Assert.Single(listing.UnreadableFolders);
        Assert.Equal(denied, folder);
        Assert.Contains("is denied", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_at_all_is_reported_not_thrown()
    {
        var listing = FolderListing.Of(_root, _ => throw new IOException("Input/output error"));

        Assert.Empty(listing.Files);
        Assert.Equal((_root, "Input/output error"), Assert.Single(listing.UnreadableFolders));
    }

    [Fact]
    public void A_walk_stops_when_cancelled_before_each_folder()
    {
        using var stop = new CancellationTokenSource();
        var listed = 0;
        IEnumerable<FileSystemInfo> EntriesOf(string folder)
        {
            if (++listed == 2)
            {
                stop.Cancel(); // Ctrl+C while the walk is under way.
            }

            return new DirectoryInfo(folder).EnumerateFileSystemInfos();
        }

        Assert.Throws<OperationCanceledException>(() => FolderWalk.List(_root, recurse: true, IsJson, EntriesOf, stop.Token));
        Assert.Equal(2, listed);
    }

    private static bool IsJson(string file) => file.EndsWith(".json", StringComparison.Ordinal);
}
