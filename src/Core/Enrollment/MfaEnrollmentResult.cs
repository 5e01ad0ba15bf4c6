using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// What Test-MfaEnrollment says about one user and one authentication strength: whether the user can satisfy it,
/// what to register if not, which methods do not count and why, how fresh the data is, and what the answer rests on.
/// Flat scalars and <see cref="TextList{T}"/> string lists so Format-Table, Export-Csv and ConvertTo-Json give readable
/// output; the full <see cref="Evaluation"/> stays available to scripts. Built by <see cref="EnrollmentAssessor"/>.
/// </summary>
public sealed class MfaEnrollmentResult
{
    private static readonly IReadOnlyList<string> None = new TextList<string>(Array.Empty<string>());

    internal MfaEnrollmentResult(string userId, EnrollmentOutcome outcome)
    {
        UserId = userId ?? throw new ArgumentNullException(nameof(userId));
        OutcomeKind = outcome;
    }

    public string? UserPrincipalName { get; internal set; }

    public string UserId { get; }

    public string? DisplayName { get; internal set; }

    /// <summary>member or guest, when the source says.</summary>
    public string? UserType { get; internal set; }

    /// <summary>The strength's display name.</summary>
    public string? Strength { get; internal set; }

    public string? StrengthId { get; internal set; }

    /// <summary>Why this strength was tested when the caller did not name it (the failure's CA evidence, or the fallback to MFA).</summary>
    public string? StrengthReason { get; internal set; }

    public string Outcome => OutcomeKind.ToString();

    internal EnrollmentOutcome OutcomeKind { get; }

    /// <summary>
    /// Has registered at least one strong method (one that can be a second factor or is multifactor on its own),
    /// whether or not the policy enables it or the strength accepts it — the meaning of the report's isMfaRegistered.
    /// Password, email, Temporary Access Pass, security questions and app passwords do not make a user enrolled.
    /// Null when not evaluated.
    /// </summary>
    public bool? IsEnrolled { get; internal set; }

    /// <summary>Can satisfy the strength now (Outcome is Satisfiable). Null when not evaluated.</summary>
    public bool? IsCapable { get; internal set; }

    /// <summary>Each combination the user can complete now, with the methods that complete it.</summary>
    public IReadOnlyList<string> SatisfiableCombinations { get; internal set; } = None;

    /// <summary>The registered methods the answer used (an assumed password is not listed).</summary>
    public IReadOnlyList<string> MethodsRegistered { get; internal set; } = None;

    /// <summary>The fewest methods to register (labels, with what the strength demands of them).</summary>
    public IReadOnlyList<string> MethodsToAdd { get; internal set; } = None;

    /// <summary>Registered methods that do not count: method, reason code and why.</summary>
    public IReadOnlyList<string> MethodsNotCounted { get; internal set; } = None;

    /// <summary>Methods that count with a limit the user should know (Windows Hello only on the device it was set up on).</summary>
    public IReadOnlyList<string> Limitations { get; internal set; } = None;

    /// <summary>When Impossible: the policy requirements an administrator must enable for the user (Fido2, Sms:signIn …).</summary>
    public IReadOnlyList<string> PolicyChangesNeeded { get; internal set; } = None;

    /// <summary>What to do, in order.</summary>
    public IReadOnlyList<string> Remedy { get; internal set; } = None;

    public string? DataSource => DataSourceKind?.ToString();

    internal MethodsSource? DataSourceKind { get; set; }

    /// <summary>When the methods were true (read time, or the report's lastUpdatedDateTime); null when unknown.</summary>
    public DateTimeOffset? DataAsOf { get; internal set; }

    /// <summary>Set when the data is older than the threshold (24 h by default) or its age is unknown.</summary>
    public string? DataAgeWarning { get; internal set; }

    /// <summary>High: nothing assumed that could change the outcome. Medium: assumptions stated in Uncertainties. Low: the policy or the data is in doubt.</summary>
    public string Confidence => ConfidenceKind.ToString();

    internal Confidence ConfidenceKind { get; set; } = Classification.Confidence.High;

    public IReadOnlyList<string> Uncertainties { get; internal set; } = None;

    /// <summary>The registration report's isMfaCapable when the data came from the report, so a disagreement shows.</summary>
    public bool? MicrosoftSaysCapable { get; internal set; }

    /// <summary>Null when assessed; otherwise why the user was excluded.</summary>
    public string? Excluded => ExcludedKind?.ToString();

    internal EnrollmentExclusion? ExcludedKind { get; set; }

    /// <summary>Why the outcome is NotEvaluated (excluded, not found, no data); null otherwise.</summary>
    public string? NotEvaluatedReason { get; internal set; }

    /// <summary>The evaluator's full answer, for scripts; null when not evaluated.</summary>
    public StrengthEvaluation? Evaluation { get; internal set; }

    public override string ToString()
    {
        var who = UserPrincipalName ?? UserId;
        return OutcomeKind switch
        {
            EnrollmentOutcome.NeedsRegistration => who + ": " + Strength + " needs registration of " + MethodsToAdd,
            EnrollmentOutcome.NotEvaluated => who + ": not evaluated (" + NotEvaluatedReason + ")",
            _ => who + ": " + Strength + " " + Outcome,
        };
    }
}
