using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// One failed sign-in, explained: the code, the primary cause with its confidence and evidence, what fixes it, and
/// whether a later success resolved it. Built once from what the classifier decided and what the linking found;
/// nothing changes it afterwards. Flat scalar properties first, so Export-Csv and ConvertTo-Json give sensible
/// output; the full record stays available as <see cref="SignIn"/>.
/// </summary>
public sealed class StrongAuthFailure
{
    private readonly FailureClassification _classification;
    private readonly FailureOutcome _outcome;

    public StrongAuthFailure(FailureClassification classification, FailureOutcome outcome)
    {
        _classification = classification ?? throw new ArgumentNullException(nameof(classification));
        _outcome = outcome ?? throw new ArgumentNullException(nameof(outcome));

        // TextList joins its items in ToString, so Export-Csv and Format-Table show the items, not a type name.
        ConditionalAccessPolicies = new TextList<string>(classification.ConditionalAccessPolicies);
        Evidence = new TextList<Evidence>(classification.Evidence);
        Remedy = new TextList<string>(classification.Remedy, " ");
    }

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

    /// <summary>The cause by name (a <see cref="FailureCause"/> name), as ConvertTo-Json and Export-Csv write it.</summary>
    public string Cause => CauseKind.ToString();

    internal FailureCause CauseKind => _classification.Cause;

    /// <summary>High, Medium or Low (a <see cref="Classification.Confidence"/> name).</summary>
    public string Confidence => ConfidenceKind.ToString();

    internal Confidence ConfidenceKind => _classification.Confidence;

    /// <summary>The id of the cause-table rule that decided the cause; null for <see cref="FailureCause.Other"/>.</summary>
    public string? RuleId => _classification.RuleId;

    /// <summary>The cause the classifier gave before a quick resolution made the failure a <see cref="FailureCause.BenignInterrupt"/>.</summary>
    public string? ReclassifiedFrom => ReclassifiedFromKind?.ToString();

    internal FailureCause? ReclassifiedFromKind => _classification.ReclassifiedFrom;

    /// <summary>The fields the deciding rule needed that the record lacked; the confidence was lowered for them.</summary>
    public IReadOnlyList<string> MissingEvidence => _classification.MissingEvidence;

    /// <summary>True for benign interrupts (hidden unless -IncludeBenign).</summary>
    public bool IsBenign => CauseKind == FailureCause.BenignInterrupt;

    /// <summary>Resolved, Unresolved or Pending (a <see cref="ResolutionState"/> name).</summary>
    public string Resolution => ResolutionKind.ToString();

    internal ResolutionState ResolutionKind => _outcome.Resolution;

    public DateTimeOffset? ResolvedAt => _outcome.ResolvedAt;

    /// <summary>How the resolving success satisfied MFA (e.g. "Authenticator App", "Previously satisfied"), when it says.</summary>
    public string? ResolvedBy => _outcome.ResolvedBy;

    public string? ResolvedBySignInId => _outcome.ResolvedBySignInId;

    /// <summary>Which identifier linked the failure to its resolving success: correlationId, originalRequestId, sessionId or user+app.</summary>
    public string? ResolutionLink => _outcome.ResolutionLink;

    /// <summary>From the failure to the resolving success, as [TimeSpan] text (hh:mm:ss, "1.02:03:04" past a day).</summary>
    public string? TimeToResolve => TimeToResolveSpan?.ToString("c", CultureInfo.InvariantCulture);

    internal TimeSpan? TimeToResolveSpan => _outcome.TimeToResolve;

    /// <summary>True when the event is younger than ~15 minutes: Entra may still be completing its details.</summary>
    public bool PossiblyIncomplete => _outcome.PossiblyIncomplete;

    public bool? IsInteractive => SignIn.IsInteractive;

    public string? CorrelationId => SignIn.CorrelationId;

    public string? SignInId => SignIn.Id;

    /// <summary>Names of the Conditional Access policies that applied (enforced or report-only).</summary>
    public IReadOnlyList<string> ConditionalAccessPolicies { get; }

    public string? AuthenticationStrength => _classification.AuthenticationStrength;

    public string? AuthenticationStrengthResult => _classification.AuthenticationStrengthResult;

    public IReadOnlyList<Evidence> Evidence { get; }

    public IReadOnlyList<string> Remedy { get; }

    public AadstsErrorInfo? CodeInfo => _classification.CodeInfo;

    public SignInEvent SignIn => _classification.SignIn;

    public override string ToString() => CreatedDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + UserPrincipalName + " " + ErrorCode + " " + Cause;
}
