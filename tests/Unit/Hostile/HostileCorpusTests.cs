using System.Linq;
using EntraStrongAuth.Tests.Hostile.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// Every file case of the hostile corpus through the Engine's readers, under a time limit and a memory cap
/// (<see cref="HostileVerdict"/> says what must hold). A case that shows a defect of issue 14 not yet fixed on this
/// branch is skipped, naming the defect and the branch that fixes it: unskip it by deleting its Skip.
/// </summary>
[Collection(HostileInputSerial.Name)]
public class HostileCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Ready() => Names(c => c.IsReady && !c.NeedsNonRoot);

    public static TheoryData<string> AwaitingDefect(int defect) => Names(c => c.Defect == defect && !c.NeedsNonRoot);

    public static TheoryData<string> NeedingNonRoot() => Names(c => c.NeedsNonRoot && c.IsReady);

    public static TheoryData<string> Findings() => Names(c => c.Finding is not null);

    [Fact]
    public void The_corpus_has_at_least_70_cases_and_covers_every_input_the_readers_take()
    {
        var inputs = HostileCorpus.All.Select(c => c.Input).Distinct().ToList();

        Assert.True(HostileCorpus.All.Count >= 70, HostileCorpus.All.Count + " cases");
        Assert.Subset(inputs.ToHashSet(), new[] { "Graph JSON array", "Graph JSON page", "NDJSON pull", "Admin center CSV", "Log Analytics CSV", "Log Analytics JSON", "Log Analytics query result", "gzip", "ZIP", "file system" }.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Ready))]
    [MemberData(nameof(AwaitingDefect), 1)]
    [MemberData(nameof(AwaitingDefect), 2)]
    [MemberData(nameof(AwaitingDefect), 7)]
    [MemberData(nameof(AwaitingDefect), 8)]
    [MemberData(nameof(AwaitingDefect), 10)]
    [MemberData(nameof(AwaitingDefect), 11)]
    [MemberData(nameof(AwaitingDefect), 12)]
    [MemberData(nameof(Findings), Skip = "findings of the corpus beyond issue 14's list, open (docs/reliability.md, Open findings)")]
    public void The_engine_readers_keep_the_standard(string name) => Run(name);

    [NonRootTheory]
    [MemberData(nameof(NeedingNonRoot))]
    public void The_engine_readers_keep_the_standard_as_a_normal_user(string name) => Run(name);

    private static TheoryData<string> Names(System.Func<HostileCase, bool> which) =>
        new(HostileCorpus.All.Where(c => !c.IsFolder && which(c)).Select(c => c.Name));

    private void Run(string name)
    {
        var hostile = HostileCorpus.Named(name);
        using var folder = new HostileFolder(name);
        var paths = hostile.Write(folder);

        var report = EngineRead.Run(paths, hostile.TimeLimit);

        var wrong = HostileVerdict.Check(hostile, report, folder.Root);
        output.WriteLine(HostileTally.Line(hostile, report, wrong));
        HostileTally.Add(hostile, report, wrong, "engine");
        Assert.True(wrong.Count == 0, HostileVerdict.Describe(hostile, report, wrong));
    }
}
