using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// The whole diagnosis of one strong-authentication failure: the seven steps (each Ok, Problem or Unknown with its
/// finding, evidence and next action), the cause and confidence with the chain of evidence, the fix per audience and
/// the Test-StrongAuthRemediation command that verifies it. UserPrincipalName, UserId and AppId bind by property
/// name, so a diagnosis pipes to Test-MfaEnrollment and Find-HeadlessUserSignIn.
/// </summary>
public sealed class StrongAuthDiagnosis
{
    internal StrongAuthDiagnosis(StrongAuthFailure failure, IReadOnlyList<DiagnosisStep> steps, FailureCause cause, Confidence confidence, IReadOnlyList<DiagnosisFix> fixes, string? verifyCommand)
    {
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
        Steps = new TextList<DiagnosisStep>(steps, Environment.NewLine);
        CauseKind = cause;
        ConfidenceKind = confidence;
        Fixes = new TextList<DiagnosisFix>(fixes, Environment.NewLine);
        VerifyCommand = verifyCommand;
        Unanswered = new TextList<string>(steps.Where(s => s.StatusKind == DiagnosisStatus.Unknown && s.NextAction is not null).Select(s => "Step " + s.Number + " (" + s.Name + "): " + s.NextAction));
    }

    public DateTimeOffset CreatedDateTime => Failure.CreatedDateTime;

    public string? UserPrincipalName => Failure.UserPrincipalName;

    public string? UserId => Failure.UserId;

    public string? AppDisplayName => Failure.AppDisplayName;

    public string? AppId => Failure.AppId;

    public int ErrorCode => Failure.ErrorCode;

    public string? ErrorName => Failure.ErrorName;

    public string Cause => CauseKind.ToString();

    internal FailureCause CauseKind { get; }

    public string Confidence => ConfidenceKind.ToString();

    internal Confidence ConfidenceKind { get; }

    /// <summary>The verdict in one line (step 7's finding).</summary>
    public string Verdict => Steps[Steps.Count - 1].Finding;

    /// <summary>Steps 1 to 7, in order.</summary>
    public IReadOnlyList<DiagnosisStep> Steps { get; }

    /// <summary>The steps that found a problem.</summary>
    public IReadOnlyList<DiagnosisStep> Problems => Steps.Where(s => s.StatusKind == DiagnosisStatus.Problem).ToTextList(Environment.NewLine);

    /// <summary>What would answer each Unknown step: a permission, a file, a wider window.</summary>
    public IReadOnlyList<string> Unanswered { get; }

    public IReadOnlyList<DiagnosisFix> Fixes { get; }

    /// <summary>The Test-StrongAuthRemediation command line that verifies the fix; null when nothing needs fixing.</summary>
    public string? VerifyCommand { get; }

    public string? SignInId => Failure.SignInId;

    public string? CorrelationId => Failure.CorrelationId;

    /// <summary>The classified failure (Get-StrongAuthFailure's object for this sign-in).</summary>
    public StrongAuthFailure Failure { get; }

    /// <summary>The sign-ins of the failure's correlation, oldest first.</summary>
    public IReadOnlyList<SignInEvent> Flow { get => _flow; init => _flow = value.ToTextList(Environment.NewLine); }

    private readonly IReadOnlyList<SignInEvent> _flow = Array.Empty<SignInEvent>().ToTextList();

    /// <summary>Step 5's answer, when the user's methods were read.</summary>
    public MfaEnrollmentResult? Enrollment { get; init; }

    /// <summary>Step 6's scoring of the account, when its history was read.</summary>
    public HeadlessFinding? Headless { get; init; }

    /// <summary>Step 3's measure of the app, when its history was read.</summary>
    public AppRecovery? AppRecovery { get; init; }

    /// <summary>Where the sign-ins came from: "Microsoft Graph", the files, or the piped failure alone.</summary>
    public string? Source { get; init; }

    public override string ToString() => CreatedDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + " " + UserPrincipalName + " " + ErrorCode + ": " + Cause + " (" + Confidence + ")";
}
