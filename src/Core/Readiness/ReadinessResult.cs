using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>
/// What enforcing the policy does to one user and app that signed in during the window: the verdict, why (the
/// reasons it breaks), the evidence, how sure, and the fix. Built once by <see cref="ReadinessAssessor"/>.
/// </summary>
public sealed class ReadinessResult
{
    internal ReadinessResult(ReadinessTally tally, ReadinessVerdict verdict, IReadOnlyList<BreakReason> reasons, Confidence confidence, IReadOnlyList<string> evidence, IReadOnlyList<string> methodsToAdd, string? fix)
    {
        Tally = tally ?? throw new ArgumentNullException(nameof(tally));
        VerdictKind = verdict;
        ReasonKinds = new TextList<BreakReason>(reasons, ", ");

        // Named once here: views, CSV and JSON read the names for every subject, the code reads the kinds.
        Reasons = new TextList<string>(ReasonKinds.Select(r => r.ToString()), ", ");
        ConfidenceKind = confidence;
        Evidence = new TextList<string>(evidence);
        MethodsToAdd = new TextList<string>(methodsToAdd, " or ");
        Fix = fix;
    }

    public string? UserPrincipalName => Tally.UserPrincipalName;

    public string? UserId => Tally.UserId;

    public string? AppDisplayName => Tally.AppDisplayName;

    public string? AppId => Tally.AppId;

    public string Verdict => VerdictKind.ToString();

    internal ReadinessVerdict VerdictKind { get; }

    /// <summary>Why it breaks (WillBreak only).</summary>
    public IReadOnlyList<string> Reasons { get; }

    internal IReadOnlyList<BreakReason> ReasonKinds { get; }

    public string Confidence => ConfidenceKind.ToString();

    internal Confidence ConfidenceKind { get; }

    /// <summary>For MustRegister: the fewest methods to register (any one of them).</summary>
    public IReadOnlyList<string> MethodsToAdd { get; }

    public IReadOnlyList<string> Evidence { get; }

    public string? Fix { get; }

    public int SignIns => Tally.SignIns;

    public DateTimeOffset LastSeen => Tally.LastSeen;

    /// <summary>The app's observed recovery after silent interrupts in the window (all its users), when it had any.</summary>
    public Diagnosis.AppRecovery? AppRecovery { get; init; }

    /// <summary>The counts behind the verdict.</summary>
    public ReadinessTally Tally { get; }

    public override string ToString() => UserPrincipalName + " / " + (AppDisplayName ?? AppId) + ": " + Verdict + (Reasons.Count == 0 ? string.Empty : " (" + Reasons + ")");
}
