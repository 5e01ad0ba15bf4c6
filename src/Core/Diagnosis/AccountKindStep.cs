using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Headless;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 6: is this account used by a script (the headless scoring over the user's sign-ins in the history), and if
/// so, the workload identity to move it to.
/// </summary>
internal static class AccountKindStep
{
    public const string Name = "Account kind";

    /// <summary>Fewer sign-ins than this say too little about how an account is used.</summary>
    public const int MinimumSignIns = 5;

    /// <summary>At or above: a script (Find-HeadlessUserSignIn's default threshold).</summary>
    public const int ScriptScore = 50;

    /// <summary>Below: a person (the evidence points the other way clearly enough to count against a script verdict).</summary>
    public const int PersonScore = 25;

    public static DiagnosisStep Build(DiagnosisInput input, HeadlessFinding? finding)
    {
        if (input.UserHistory is not { } history)
        {
            return new DiagnosisStep(6, Name, DiagnosisStatus.Unknown, "The account's sign-ins were not read: " + (input.HistoryMissing ?? "no history") + ".", null, "Give -Path the account's sign-ins of the last days, or run connected.");
        }

        if (finding is null || history.Count < MinimumSignIns)
        {
            return new DiagnosisStep(6, Name, DiagnosisStatus.Unknown, string.Format(CultureInfo.InvariantCulture, "{0} sign-in(s) of this account in the history: too few to tell a person from a script.", history.Count), null, "Widen -HistoryDays (cadence needs days of sign-ins).");
        }

        var evidence = new List<string> { string.Format(CultureInfo.InvariantCulture, "Score {0} of 100 over {1} sign-ins ({2} interactive, {3} non-interactive, {4} strong-auth failures).", finding.Score, finding.SignIns, finding.InteractiveSignIns, finding.NonInteractiveSignIns, finding.StrongAuthFailures) };
        evidence.AddRange(finding.Evidence.Select(e => e.ToString()));
        if (finding.Score >= ScriptScore)
        {
            return new DiagnosisStep(6, Name, DiagnosisStatus.Problem, "This account is used by a script (score " + finding.Score.ToString(CultureInfo.InvariantCulture) + "): it can never answer an MFA prompt. Move it to " + Kind(finding.Recommendation.IdentityKind) + ": " + finding.Recommendation.Reason, evidence, string.Join(" ", finding.Recommendation.Steps));
        }

        return new DiagnosisStep(6, Name, DiagnosisStatus.Ok, "A person's account (score " + finding.Score.ToString(CultureInfo.InvariantCulture) + ": " + (finding.Score < PersonScore ? "nothing suggests a script" : "some script-like signs, not enough to call it one") + ").", evidence);
    }

    public static string Kind(WorkloadIdentityKind kind) => kind switch
    {
        WorkloadIdentityKind.ManagedIdentity => "a managed identity",
        WorkloadIdentityKind.WorkloadIdentityFederation => "workload identity federation",
        _ => "a service principal with a certificate",
    };
}
