using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>
/// Test-StrongAuthRemediation's verdict for one subject: Fixed / NotFixed / Inconclusive, how sure, the counts of the
/// before- and after-windows, the evidence behind the verdict and, when not fixed, what to do. Flat counts first so
/// Export-Csv gives sensible columns.
/// </summary>
public sealed class RemediationResult
{
    internal RemediationResult(RemediationSubject subject, SubjectKind kind, RemediationOutcome outcome, Confidence confidence, RemediationOptions options,
        IReadOnlyList<Evidence> evidence, IReadOnlyList<string> advice)
    {
        SubjectDetail = subject;
        JudgedAsKind = kind;
        OutcomeKind = outcome;
        ConfidenceKind = confidence;
        BeforeStart = options.BeforeStart;
        FixedAt = options.FixedAt;
        AfterEnd = options.AfterEnd;
        Evidence = new TextList<Evidence>(evidence);
        Advice = new TextList<string>(advice, " ");
    }

    /// <summary>"user@contoso.com" or "user@contoso.com / app id".</summary>
    public string Subject => SubjectDetail.ToString();

    public string? UserPrincipalName => SubjectDetail.UserPrincipalName;

    public string? UserId => SubjectDetail.UserId;

    public string? AppId => SubjectDetail.AppId;

    public string? ServicePrincipalId => SubjectDetail.ServicePrincipalId;

    /// <summary>The name of <see cref="AppId"/> as the subject's sign-ins give it (appDisplayName); null when none named it.</summary>
    public string? AppDisplayName { get; init; }

    /// <summary>The name of the workload identity (<see cref="ServicePrincipalId"/>) as its sign-ins give it; null when it did not sign in.</summary>
    public string? ServicePrincipalName { get; init; }

    public string JudgedAs => JudgedAsKind.ToString();

    internal SubjectKind JudgedAsKind { get; }

    public string Outcome => OutcomeKind.ToString();

    internal RemediationOutcome OutcomeKind { get; }

    public string Confidence => ConfidenceKind.ToString();

    internal Confidence ConfidenceKind { get; }

    public long BeforeSignIns { get; init; }

    public long BeforeFailures { get; init; }

    /// <summary>"50076×12; 50074×3".</summary>
    public string BeforeFailureCodes { get; init; } = string.Empty;

    public long AfterSignIns { get; init; }

    public long AfterFailures { get; init; }

    public string AfterFailureCodes { get; init; } = string.Empty;

    public long AfterMfaSuccesses { get; init; }

    public long AfterSingleFactorSuccesses { get; init; }

    /// <summary>User sign-ins after the fix that look like the automation (its apps, headless, or scripted).</summary>
    public long AfterAutomationSignIns { get; init; }

    /// <summary>Sign-ins of the service principal / managed identity after the fix.</summary>
    public long AfterWorkloadSignIns { get; init; }

    public DateTimeOffset BeforeStart { get; }

    public DateTimeOffset FixedAt { get; }

    public DateTimeOffset AfterEnd { get; }

    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>What to do next; empty when fixed.</summary>
    public IReadOnlyList<string> Advice { get; }

    public RemediationSubject SubjectDetail { get; }

    public override string ToString() => Subject + ": " + Outcome + " (" + Confidence + ")";
}
