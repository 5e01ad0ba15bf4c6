using System;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>What a case's problems must say about where they are.</summary>
internal enum ProblemScope
{
    /// <summary>Each bad record gets a problem with its line or record number (the file is always named).</summary>
    Record,

    /// <summary>The whole file (or archive entry) is bad: one problem naming it is enough.</summary>
    File,
}

/// <summary>
/// One hostile input of the corpus: how to write it (generated at test time, deterministically, into a temporary
/// folder; one or more paths, read in turn) and what a reader that keeps the standard of issue 14 must make of it. Good records are named
/// <c>good-N</c>, bad ones <c>bad-N</c>, and records a reader may or may not recover (inside a corrupt block) <c>maybe-N</c>.
/// </summary>
internal sealed record HostileCase(string Name, string Input, Func<HostileFolder, string[]> Write)
{
    /// <summary>How many distinct <c>good-N</c> records a correct reader recovers from the input.</summary>
    public int Good { get; init; }

    /// <summary>How many bad records (or bad files, for <see cref="ProblemScope.File"/>) need a located problem, or a warning when they are kept.</summary>
    public int Bad { get; init; }

    public ProblemScope Scope { get; init; } = ProblemScope.Record;

    /// <summary>Located warnings the input must raise (a value read differently from what the input says).</summary>
    public int Warnings { get; init; }

    /// <summary>The defect of issue 14 this case shows until it is fixed (its test is skipped with that reason meanwhile).</summary>
    public int? Defect { get; init; }

    /// <summary>
    /// A failure this corpus found that is not among issue 14's defects (docs/reliability.md lists them): skipped,
    /// like <see cref="Defect"/>, until someone fixes it.
    /// </summary>
    public string? Finding { get; init; }

    /// <summary>Runs on this branch: no open defect or finding.</summary>
    public bool IsReady => Defect is null && Finding is null;

    /// <summary>Longer than any honest read of this input can take on a slow CI machine; passing it is a hang.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Also run through the built module in a fresh pwsh (Get-StrongAuthFailure -Path), whose peak RSS is measured.</summary>
    public bool InModuleSubset { get; init; }

    /// <summary>The path is read with -Recurse (folders, links): only the module subset resolves folders, so the Engine run reads nothing.</summary>
    public bool IsFolder { get; init; }

    /// <summary>Needs a user that file permissions stop (chmod 000 means nothing to root).</summary>
    public bool NeedsNonRoot { get; init; }

    public override string ToString() => Name;
}
