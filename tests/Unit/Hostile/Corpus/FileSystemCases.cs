using System;
using System.Collections.Generic;
using System.IO;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>
/// What an admin's -Recurse meets on a share they do not control: FIFOs, unreadable files and folders, links that loop
/// or point at devices, folders named like logs. Folder cases are read through the built module (path resolution is
/// the cmdlets'), file cases through the Engine too.
/// </summary>
internal static class FileSystemCases
{
    private const string Input = "file system";

    public static IEnumerable<HostileCase> All()
    {
        var good = Lines(Graph("good-1"), Graph("good-2"));

        yield return new HostileCase("fifo-named-json", Input, folder => [folder.Fifo("pipe.json"), folder.Text("good.ndjson", good)])
        { Good = 2, Bad = 1, Scope = ProblemScope.File, Defect = 7, TimeLimit = TimeSpan.FromSeconds(10) };
        yield return new HostileCase("unreadable-file", Input, folder => [folder.Unreadable(folder.Text("locked.json", Lines(Graph("bad-1")))), folder.Text("good.ndjson", good)])
        { Good = 2, Bad = 1, Scope = ProblemScope.File, NeedsNonRoot = true, InModuleSubset = true };
        yield return new HostileCase("folder-named-json", Input, folder => [Directory.CreateDirectory(folder.PathOf("logs.json")).FullName, folder.Text("good.ndjson", good)])
        { Good = 2, Bad = 1, Scope = ProblemScope.File };
        yield return new HostileCase("dangling-file-link", Input, folder =>
        {
            var link = folder.PathOf("gone.json");
            File.CreateSymbolicLink(link, folder.PathOf("never-written.json"));
            return [link, folder.Text("good.ndjson", good)];
        }) { Good = 2, Bad = 1, Scope = ProblemScope.File, InModuleSubset = true };
        yield return new HostileCase("link-to-dev-zero", Input, folder =>
        {
            var link = folder.PathOf("zero.json");
            File.CreateSymbolicLink(link, "/dev/zero");
            return [link, folder.Text("good.ndjson", good)];
        }) { Good = 2, Bad = 1, Scope = ProblemScope.File, InModuleSubset = true };

        // Folders read with -Recurse (the module subset only).
        yield return new HostileCase("folder-of-mixed-inputs", Input, folder =>
        {
            folder.Text("logs/a.ndjson", Lines(Graph("good-1"), "{oops", Graph("good-2")));
            folder.Text("logs/sub/b.csv", Csv(AdminHeader, Admin("good-3"), Admin("bad-2", code: "x")));
            folder.Zip("logs/sub/deeper/c.zip", ("d.json", HostileBytes.Utf8(JsonArray(Graph("good-4")))));
            folder.Text("logs/empty.json", string.Empty);
            return [folder.PathOf("logs")];
        }) { Good = 4, Bad = 3, Scope = ProblemScope.File, IsFolder = true, InModuleSubset = true };
        yield return new HostileCase("folder-with-link-to-parent", Input, folder =>
        {
            folder.Text("logs/a.ndjson", Lines(Graph("good-1"), "{oops", Graph("good-2")));
            folder.DirectoryLink("logs/sub/loop", folder.PathOf("logs"));
            return [folder.PathOf("logs")];
        }) { Good = 2, Bad = 1, Defect = 3, IsFolder = true, InModuleSubset = true, TimeLimit = TimeSpan.FromSeconds(60) };
        yield return new HostileCase("folder-with-unreadable-subfolder", Input, folder =>
        {
            folder.Text("logs/a/one.ndjson", Lines(Graph("good-1")));
            folder.Text("logs/c/two.ndjson", Lines(Graph("good-2")));
            folder.Text("logs/b/hidden.ndjson", Lines(Graph("bad-1")));
            folder.Unreadable(folder.PathOf("logs/b"));
            return [folder.PathOf("logs")];
        }) { Good = 2, Bad = 1, Scope = ProblemScope.File, Defect = 4, IsFolder = true, InModuleSubset = true, NeedsNonRoot = true };
        yield return new HostileCase("folder-good-bad-time-good", Input, folder =>
        {
            folder.Text("logs/1.ndjson", Lines(Graph("good-1"), Graph("good-2")));
            folder.Text("logs/2.ndjson", Lines(Graph("bad-1").Replace(Time, "0001-01-01T00:00:00+01:00", StringComparison.Ordinal), Graph("good-3")));
            folder.Text("logs/3.ndjson", Lines(Graph("good-4"), Graph("good-5")));
            return [folder.PathOf("logs")];
        }) { Good = 5, Bad = 1, Defect = 2, IsFolder = true, InModuleSubset = true };
        yield return new HostileCase("folder-with-fifo", Input, folder =>
        {
            folder.Text("logs/a.ndjson", good);
            folder.Fifo("logs/pipe.json");
            return [folder.PathOf("logs")];
        }) { Good = 2, Bad = 1, Scope = ProblemScope.File, Defect = 7, IsFolder = true, InModuleSubset = true, TimeLimit = TimeSpan.FromSeconds(30) };
    }
}
