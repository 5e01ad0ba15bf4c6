using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>What the cause table says about a cause as a whole: its remedy, and whether a quick resolution makes it benign.</summary>
public sealed class CauseDefinition
{
    public CauseDefinition(FailureCause cause, bool benignWhenResolved, IReadOnlyList<string> remedy)
    {
        Cause = cause;
        BenignWhenResolved = benignWhenResolved;
        Remedy = remedy ?? throw new ArgumentNullException(nameof(remedy));
    }

    public FailureCause Cause { get; }

    /// <summary>
    /// True for interrupts (step-up, silent, stale, enrollment): resolved in the same correlation, request or session
    /// within minutes they are a normal sign-in, reported as BenignInterrupt. False where a quick success still leaves
    /// something to act on (denied MFA may be fatigue; an unsatisfiable strength or federation fault recurs).
    /// </summary>
    public bool BenignWhenResolved { get; }

    public IReadOnlyList<string> Remedy { get; }
}
