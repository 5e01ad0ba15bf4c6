using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Everything gathered about one located failure, and what could not be gathered with the reason: the steps read
/// only this, so the same code answers from files, the pipeline and the tenant.
/// </summary>
internal sealed class DiagnosisInput
{
    public DiagnosisInput(StrongAuthFailure failure)
    {
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
    }

    public StrongAuthFailure Failure { get; }

    public SignInEvent SignIn => Failure.SignIn;

    /// <summary>The sign-ins of the failure's correlation id, oldest first (the failure among them).</summary>
    public IReadOnlyList<SignInEvent> Flow { get; init; } = Array.Empty<SignInEvent>();

    /// <summary>The user's sign-ins (any app) in the history window; null when no history was read, see <see cref="HistoryMissing"/>.</summary>
    public IReadOnlyList<SignInEvent>? UserHistory { get; init; }

    /// <summary>The app's strong-authentication failures and interactive successes in the history window; null when not read.</summary>
    public IReadOnlyList<SignInEvent>? AppHistory { get; init; }

    /// <summary>Why no history was read, and how to get it.</summary>
    public string? HistoryMissing { get; init; }

    /// <summary>The span the history covers (what was asked of the source).</summary>
    public DateTimeOffset? HistoryStart { get; init; }

    public DateTimeOffset? HistoryEnd { get; init; }

    /// <summary>True when the sign-ins came from the tenant (next actions name permissions, not files).</summary>
    public bool Live { get; init; }

    /// <summary>The user's enrollment against what the failure required; null: see <see cref="EnrollmentMissing"/>.</summary>
    public MfaEnrollmentResult? Enrollment { get; init; }

    public string? EnrollmentMissing { get; init; }

    /// <summary>The tenant's Conditional Access policies (with their strengths); null: see <see cref="PoliciesMissing"/>.</summary>
    public IReadOnlyList<StrongAuthPolicy>? Policies { get; init; }

    public string? PoliciesMissing { get; init; }

    public ClassificationData Data { get; init; } = ClassificationData.BuiltIn;

    /// <summary>How long after an interrupt an interactive sign-in of the same user and app still counts as the app falling back.</summary>
    public TimeSpan FallbackWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long after a failure a success still resolves it (the analyzer's window).</summary>
    public TimeSpan ResolutionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The strong-authentication codes (what counts as an interrupt in the app's history).</summary>
    public IReadOnlyCollection<int> StrongAuthCodes { get; init; } = Array.Empty<int>();
}
