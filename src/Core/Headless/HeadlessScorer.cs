using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// CONTRACT ONLY (feature/headless-contract; replaced by the real scorer before anything reaches main): sign-ins are
/// added one at a time in any order (bounded memory: per user and user+app aggregates, not the events), then
/// <see cref="Findings"/> scores each account.
/// </summary>
public sealed class HeadlessScorer
{
    public HeadlessScorer(HeadlessScoringOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public HeadlessScoringOptions Options { get; }

    public void Add(SignInEvent signIn) => throw new NotImplementedException("contract only");

    /// <summary>Findings at or above Options.MinimumScore, highest score first; per user, and per user + app when Options.PerApp.</summary>
    public IReadOnlyList<HeadlessFinding> Findings() => throw new NotImplementedException("contract only");
}
