using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Strength;

/// <summary>What <see cref="StrengthEvaluator.Evaluate(AuthenticationStrength, IEnumerable{RegisteredMethod}, UserMethodsPolicy, StrengthUser, StrengthData)"/> found for one user and one strength.</summary>
public sealed class StrengthEvaluation
{
    internal StrengthEvaluation(AuthenticationStrength strength, StrengthOutcome outcome)
    {
        Strength = strength ?? throw new ArgumentNullException(nameof(strength));
        OutcomeKind = outcome;
    }

    public AuthenticationStrength Strength { get; }

    public string Outcome => OutcomeKind.ToString();

    internal StrengthOutcome OutcomeKind { get; }

    public bool IsSatisfiable => OutcomeKind == StrengthOutcome.Satisfiable;

    /// <summary>Every combination the user can complete now, in the strength's order.</summary>
    public IReadOnlyList<SatisfiedCombination> SatisfiableCombinations { get; internal set; } = Array.Empty<SatisfiedCombination>();

    /// <summary>Registered methods that do not count toward the strength, one finding each.</summary>
    public IReadOnlyList<MethodFinding> MethodsNotCounted { get; internal set; } = Array.Empty<MethodFinding>();

    /// <summary>Methods that count, with a limit the user should know (Windows Hello only on its own device).</summary>
    public IReadOnlyList<MethodFinding> Limitations { get; internal set; } = Array.Empty<MethodFinding>();

    /// <summary>The fewest methods to register, all enabled by the policy, that complete <see cref="CombinationToComplete"/>; empty when satisfiable or impossible.</summary>
    public IReadOnlyList<MethodSuggestion> MethodsToAdd { get; internal set; } = Array.Empty<MethodSuggestion>();

    /// <summary>The combination <see cref="MethodsToAdd"/> (or the policy-change plan) completes.</summary>
    public string? CombinationToComplete { get; internal set; }

    /// <summary>When impossible under the current policy: the fewest methods to register once the policy changes (may be empty when the user's existing methods would then suffice).</summary>
    public IReadOnlyList<MethodSuggestion> MethodsToAddIfPolicyChanged { get; internal set; } = Array.Empty<MethodSuggestion>();

    /// <summary>When impossible: the policy requirements to enable for the user (names as in method-modes.json, e.g. Fido2, Sms:signIn).</summary>
    public IReadOnlyList<string> PolicyChangesNeeded { get; internal set; } = Array.Empty<string>();

    /// <summary>Why no registration helps; null unless <see cref="Outcome"/> is Impossible.</summary>
    public string? ImpossibleReason { get; internal set; }

    /// <summary>False when the Authentication methods policy was not available and every method was assumed enabled.</summary>
    public bool PolicyKnown { get; internal set; }

    /// <summary>Assumptions the answer rests on (policy unknown, password assumed, ambiguous report values …).</summary>
    public IReadOnlyList<string> Uncertainties { get; internal set; } = Array.Empty<string>();

    public override string ToString() => Strength.DisplayName + ": " + Outcome;
}
