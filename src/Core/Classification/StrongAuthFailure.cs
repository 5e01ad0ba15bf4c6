using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// One failed sign-in, explained: the code, the primary cause with its confidence and evidence, what fixes it, and
/// whether a later success resolved it. Flat scalar properties first, so Export-Csv and ConvertTo-Json give sensible
/// output; the full record stays available as <see cref="SignIn"/>.
/// </summary>
public sealed class StrongAuthFailure
{
    public StrongAuthFailure(SignInEvent signIn, AadstsErrorInfo? code, FailureCause cause, Confidence confidence, IReadOnlyList<Evidence> evidence, IReadOnlyList<string> remedy)
    {
        SignIn = signIn ?? throw new ArgumentNullException(nameof(signIn));
        CodeInfo = code;
        Cause = cause;
        Confidence = confidence;
        Evidence = new TextList<Evidence>(evidence ?? throw new ArgumentNullException(nameof(evidence)));
        Remedy = new TextList<string>(remedy ?? throw new ArgumentNullException(nameof(remedy)), " ");
    }

    private IReadOnlyList<string> _conditionalAccessPolicies = new TextList<string>(Array.Empty<string>());

    public DateTimeOffset CreatedDateTime => SignIn.CreatedDateTime;

    public string? UserPrincipalName => SignIn.UserPrincipalName;

    public string? UserId => SignIn.UserId;

    public string? AppDisplayName => SignIn.AppDisplayName;

    public string? AppId => SignIn.AppId;

    public string? ResourceDisplayName => SignIn.ResourceDisplayName;

    public string? ResourceId => SignIn.ResourceId;

    public int ErrorCode => SignIn.ErrorCode;

    /// <summary>The code's name from the AADSTS catalog, when known.</summary>
    public string? ErrorName => CodeInfo?.Name;

    public FailureCause Cause { get; }

    public Confidence Confidence { get; }

    /// <summary>The id of the cause-table rule that decided the cause; null for <see cref="FailureCause.Other"/>.</summary>
    public string? RuleId { get; init; }

    /// <summary>The cause the classifier gave before a quick resolution made the failure a <see cref="FailureCause.BenignInterrupt"/>.</summary>
    public FailureCause? ReclassifiedFrom { get; init; }

    /// <summary>True for benign interrupts (hidden unless -IncludeBenign).</summary>
    public bool IsBenign => Cause == FailureCause.BenignInterrupt;

    public ResolutionState Resolution { get; set; } = ResolutionState.Unresolved;

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How the resolving success satisfied MFA (e.g. "Authenticator App", "Previously satisfied"), when it says.</summary>
    public string? ResolvedBy { get; set; }

    public string? ResolvedBySignInId { get; set; }

    /// <summary>Which identifier linked the failure to its resolving success: correlationId, originalRequestId, sessionId or user+app.</summary>
    public string? ResolutionLink { get; set; }

    /// <summary>From the failure to the resolving success.</summary>
    public TimeSpan? TimeToResolve { get; set; }

    /// <summary>True when the event is younger than ~15 minutes: Entra may still be completing its details.</summary>
    public bool PossiblyIncomplete { get; set; }

    public bool? IsInteractive => SignIn.IsInteractive;

    public string? CorrelationId => SignIn.CorrelationId;

    public string? SignInId => SignIn.Id;

    /// <summary>Names of the Conditional Access policies that applied (enforced or report-only).</summary>
    public IReadOnlyList<string> ConditionalAccessPolicies
    {
        get => _conditionalAccessPolicies;
        set => _conditionalAccessPolicies = new TextList<string>(value ?? Array.Empty<string>());
    }

    public string? AuthenticationStrength { get; set; }

    public string? AuthenticationStrengthResult { get; set; }

    public IReadOnlyList<Evidence> Evidence { get; }

    public IReadOnlyList<string> Remedy { get; }

    public AadstsErrorInfo? CodeInfo { get; }

    public SignInEvent SignIn { get; }

    /// <summary>
    /// A copy under another cause (the cause is fixed at construction), keeping the sign-in, code, rule, resolution
    /// and Conditional Access facts; <see cref="ReclassifiedFrom"/> records this failure's cause.
    /// </summary>
    internal StrongAuthFailure Reclassify(FailureCause cause, Confidence confidence, IReadOnlyList<Evidence> evidence, IReadOnlyList<string> remedy) =>
        new(SignIn, CodeInfo, cause, confidence, evidence, remedy)
        {
            RuleId = RuleId,
            ReclassifiedFrom = Cause,
            Resolution = Resolution,
            ResolvedAt = ResolvedAt,
            ResolvedBy = ResolvedBy,
            ResolvedBySignInId = ResolvedBySignInId,
            ResolutionLink = ResolutionLink,
            TimeToResolve = TimeToResolve,
            PossiblyIncomplete = PossiblyIncomplete,
            ConditionalAccessPolicies = ConditionalAccessPolicies,
            AuthenticationStrength = AuthenticationStrength,
            AuthenticationStrengthResult = AuthenticationStrengthResult,
        };

    public override string ToString() => CreatedDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + UserPrincipalName + " " + ErrorCode + " " + Cause;
}
