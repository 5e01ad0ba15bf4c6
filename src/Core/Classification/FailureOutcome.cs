using System;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// What became of a failed sign-in once the sign-ins around it were seen: the success that resolved it, if any, and
/// whether it is too recent for that to be known. A <see cref="StrongAuthFailure"/> is built from one of these and a
/// <see cref="FailureClassification"/>.
/// </summary>
public sealed class FailureOutcome
{
    /// <summary>No later success was looked for or found: what <see cref="StrongAuthClassifier.Classify"/> alone gives.</summary>
    public static FailureOutcome Unresolved { get; } = new();

    public ResolutionState Resolution { get; init; } = ResolutionState.Unresolved;

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How the resolving success satisfied MFA (e.g. "Authenticator App", "Previously satisfied"), when it says.</summary>
    public string? ResolvedBy { get; init; }

    public string? ResolvedBySignInId { get; init; }

    /// <summary>Which identifier linked the failure to its resolving success: correlationId, originalRequestId, sessionId or user+app.</summary>
    public string? ResolutionLink { get; init; }

    /// <summary>From the failure to the resolving success.</summary>
    public TimeSpan? TimeToResolve { get; init; }

    /// <summary>True when the event is younger than ~15 minutes: Entra may still be completing its details.</summary>
    public bool PossiblyIncomplete { get; init; }
}
