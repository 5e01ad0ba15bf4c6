using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Cmdlets.Headless;

/// <summary>
/// The scorer as Find-HeadlessUserSignIn uses it: add sign-ins, then take the ranked findings. A seam only so the
/// command's sources, retrieval and views can be tested on their own (the Pester tests install a stub through
/// <see cref="Override"/> by reflection); everywhere else it is the Core <see cref="HeadlessScorer"/>.
/// </summary>
internal sealed class HeadlessScoring
{
    private readonly Action<SignInEvent> _add;
    private readonly Func<IReadOnlyList<HeadlessFinding>> _findings;

    private HeadlessScoring(Action<SignInEvent> add, Func<IReadOnlyList<HeadlessFinding>> findings)
    {
        _add = add;
        _findings = findings;
    }

    /// <summary>Tests only: replaces the scorer for every later command in the process; null restores the real one.</summary>
    internal static Func<HeadlessScoringOptions, (Action<SignInEvent> Add, Func<IReadOnlyList<HeadlessFinding>> Findings)>? Override { get; set; }

    public static HeadlessScoring Create(HeadlessScoringOptions options)
    {
        if (Override is { } factory)
        {
            var (add, findings) = factory(options);
            return new HeadlessScoring(add, findings);
        }

        var scorer = new HeadlessScorer(options);
        return new HeadlessScoring(scorer.Add, scorer.Findings);
    }

    public void Add(SignInEvent signIn) => _add(signIn);

    public IReadOnlyList<HeadlessFinding> Findings() => _findings();
}
