using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// What the classifier decided about one failed sign-in, before anything is known of what happened next: the cause
/// with its confidence, evidence and remedy, the deciding rule, and the Conditional Access facts an admin needs
/// whatever the cause. A <see cref="StrongAuthFailure"/> is built from one of these and a <see cref="FailureOutcome"/>.
/// A record, so <see cref="Reclassify"/> copies every property, including ones added later, and changes only the cause.
/// </summary>
public sealed record FailureClassification
{
    public FailureClassification(SignInEvent signIn, AadstsErrorInfo? codeInfo, FailureCause cause, Confidence confidence, IReadOnlyList<Evidence> evidence, IReadOnlyList<string> remedy)
    {
        SignIn = signIn ?? throw new ArgumentNullException(nameof(signIn));
        CodeInfo = codeInfo;
        Cause = cause;
        Confidence = confidence;
        Evidence = evidence ?? throw new ArgumentNullException(nameof(evidence));
        Remedy = remedy ?? throw new ArgumentNullException(nameof(remedy));
        var conditionalAccess = new ConditionalAccessFacts(signIn);
        ConditionalAccessPolicies = conditionalAccess.Policies;
        AuthenticationStrength = conditionalAccess.Strength;
        AuthenticationStrengthResult = conditionalAccess.StrengthResult;
    }

    public SignInEvent SignIn { get; }

    /// <summary>The code's AADSTS catalog entry, when known.</summary>
    public AadstsErrorInfo? CodeInfo { get; }

    public FailureCause Cause { get; init; }

    public Confidence Confidence { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; }

    public IReadOnlyList<string> Remedy { get; init; }

    /// <summary>The id of the cause-table rule that decided the cause; null for <see cref="FailureCause.Other"/>.</summary>
    public string? RuleId { get; init; }

    /// <summary>
    /// The fields (Graph names) the deciding rule relies on that the record lacked: the finding is then partly a guess
    /// and its confidence was lowered. Empty when the record had everything the rule needs.
    /// </summary>
    public IReadOnlyList<string> MissingEvidence { get => _missingEvidence; init => _missingEvidence = value.Count == 0 ? NoneMissing : value.ToTextList(); }

    // Shared: most failures miss nothing, and the empty list costs no allocation per failure.
    private static readonly IReadOnlyList<string> NoneMissing = Array.Empty<string>().ToTextList();

    private readonly IReadOnlyList<string> _missingEvidence = NoneMissing;

    /// <summary>The cause given before a quick resolution made the failure a <see cref="FailureCause.BenignInterrupt"/>.</summary>
    public FailureCause? ReclassifiedFrom { get; init; }

    /// <summary>Names of the Conditional Access policies that applied (enforced or report-only); read from the sign-in unless given.</summary>
    public IReadOnlyList<string> ConditionalAccessPolicies { get; init; }

    /// <summary>The authentication strength the sign-in was asked for, preferring the policy that interrupted it; read from the sign-in unless given.</summary>
    public string? AuthenticationStrength { get; init; }

    public string? AuthenticationStrengthResult { get; init; }

    /// <summary>The same failure under another cause; <see cref="ReclassifiedFrom"/> records this one's cause.</summary>
    internal FailureClassification Reclassify(FailureCause cause, Confidence confidence, IReadOnlyList<Evidence> evidence, IReadOnlyList<string> remedy) =>
        this with { Cause = cause, Confidence = confidence, Evidence = evidence, Remedy = remedy, ReclassifiedFrom = Cause };
}
