using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Enrollment;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 5: can the user satisfy what the failure required, with the methods they have registered and may use
/// (the strength evaluator's answer for this user and strength), and the fewest methods to register if not.
/// </summary>
internal static class EnrollmentStep
{
    public const string Name = "Enrollment";

    public static DiagnosisStep Build(DiagnosisInput input)
    {
        if (input.Enrollment is not { } result)
        {
            return new DiagnosisStep(5, Name, DiagnosisStatus.Unknown, "The user's registered methods were not read: " + (input.EnrollmentMissing ?? "no registration data") + ".", null, input.Live
                ? "Connect with UserAuthenticationMethod.Read.All (and AuditLog.Read.All for the registration report), or pass saved registration data with -TenantDataPath."
                : "Pass the registration report (its CSV download or userRegistrationDetails JSON) and the methods policy with -TenantDataPath.");
        }

        var evidence = new List<string>
        {
            "Strength tested: " + (result.Strength ?? "multifactor authentication") + (result.StrengthReason is null ? string.Empty : " (" + result.StrengthReason + ")"),
            "Registered: " + (result.MethodsRegistered.Count == 0 ? "nothing" : string.Join(", ", result.MethodsRegistered)),
        };
        if (result.SatisfiableCombinations.Count > 0)
        {
            evidence.Add("Satisfiable combinations: " + string.Join(" | ", result.SatisfiableCombinations));
        }

        evidence.AddRange(result.MethodsNotCounted.Select(m => "Not counted: " + m));
        evidence.AddRange(result.Limitations.Select(m => "Limitation: " + m));
        evidence.AddRange(result.Uncertainties.Select(m => "Uncertain: " + m));
        if (result.DataSource is { } source)
        {
            evidence.Add("Data: " + source + (result.DataAgeWarning is { } age ? " (" + age + ")" : string.Empty));
        }

        return result.OutcomeKind switch
        {
            EnrollmentOutcome.Satisfiable => new DiagnosisStep(5, Name, DiagnosisStatus.Ok, "The user can satisfy " + (result.Strength ?? "MFA") + " with the methods registered now.", evidence),
            EnrollmentOutcome.NeedsRegistration => new DiagnosisStep(5, Name, DiagnosisStatus.Problem, "The user cannot satisfy " + (result.Strength ?? "MFA") + " yet: register " + string.Join(" or ", result.MethodsToAdd) + ".", evidence, "A Temporary Access Pass lets the user register at https://aka.ms/mysecurityinfo."),
            EnrollmentOutcome.Impossible => new DiagnosisStep(5, Name, DiagnosisStatus.Problem, "No registration helps under the Authentication methods policy: " + string.Join(" ", result.PolicyChangesNeeded) + ".", evidence, "An admin changes the Authentication methods policy or the strength (see PolicyChangesNeeded)."),
            _ => new DiagnosisStep(5, Name, DiagnosisStatus.Unknown, "Not evaluated: " + (result.NotEvaluatedReason ?? "no reason given") + ".", evidence, "Test-MfaEnrollment " + (result.UserPrincipalName ?? result.UserId) + " -Verbose shows why."),
        };
    }
}
