using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 2: which Conditional Access policies applied and with what result, what they demanded (MFA, a strength,
/// a device), their session controls, the report-only policies that would have applied; what else raised the
/// requirement (per-user MFA, security defaults, risk). Policy definitions, when read, add the strength's
/// combinations and the sign-in frequency.
/// </summary>
internal static class ConditionalAccessStep
{
    public const string Name = "Conditional Access";

    public static DiagnosisStep Build(DiagnosisInput input)
    {
        var signIn = input.SignIn;
        var applied = signIn.AppliedConditionalAccessPolicies;
        var requirement = RequirementLines(signIn).ToList();
        if (applied.Count == 0 && (ConditionalAccessVisibility.LooksHidden(signIn) || signIn.ConditionalAccessStatus is null))
        {
            return new DiagnosisStep(2, Name, DiagnosisStatus.Unknown, "The record does not list the Conditional Access policies that applied" + (requirement.Count > 0 ? "; what it does say about the requirement is below." : "."), requirement, input.Live
                ? "Connect with Policy.Read.All (Connect-EntraStrongAuth -Scopes AuditLog.Read.All, Policy.Read.All): without it Graph hides appliedConditionalAccessPolicies."
                : "Use an export that keeps the policies: the Graph beta JSON (Get-SignInLog), the admin center's JSON download or Log Analytics (ConditionalAccessPolicies); CSV downloads leave them out.");
        }

        var enforcing = applied.Where(p => Is(p.Result, "failure")).ToList();
        var satisfied = applied.Where(p => Is(p.Result, "success")).ToList();
        var reportOnly = applied.Where(p => p.Result?.StartsWith("reportOnly", StringComparison.OrdinalIgnoreCase) == true && !Is(p.Result, "reportOnlyNotApplied")).ToList();
        var evidence = new List<string>();
        evidence.AddRange(enforcing.Select(p => Line("demanded and not met", p, input.Policies)));
        evidence.AddRange(satisfied.Select(p => Line("applied and met", p, input.Policies)));
        evidence.AddRange(reportOnly.Select(p => Line("report-only, would have applied (" + p.Result + ")", p, input.Policies)));
        evidence.AddRange(requirement);
        if (input.Policies is null && input.PoliciesMissing is { } missing && (enforcing.Count > 0 || reportOnly.Count > 0))
        {
            evidence.Add("Policy definitions not read (" + missing + "): the strengths' combinations and sign-in frequency come from the record alone.");
        }

        if (enforcing.Count > 0)
        {
            return new DiagnosisStep(2, Name, DiagnosisStatus.Problem, "The requirement came from " + Names(enforcing) + ": " + Demands(enforcing) + ", and this sign-in did not meet it." + ReportOnlyNote(reportOnly), evidence);
        }

        var provider = signIn.AuthenticationRequirementPolicies.Select(p => p.RequirementProvider).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        if (provider is not null && !provider.EndsWith("ConditionalAccess", StringComparison.OrdinalIgnoreCase))
        {
            return new DiagnosisStep(2, Name, DiagnosisStatus.Problem, "No Conditional Access policy failed; the requirement came from " + Provider(provider) + "." + ReportOnlyNote(reportOnly), evidence);
        }

        return new DiagnosisStep(2, Name, DiagnosisStatus.Ok, "No enforced Conditional Access policy failed this sign-in (" + applied.Count + " policies listed, " + satisfied.Count + " met)." + ReportOnlyNote(reportOnly), evidence);
    }

    private static IEnumerable<string> RequirementLines(SignInEvent signIn)
    {
        if (signIn.AuthenticationRequirement is { } requirement)
        {
            yield return "authenticationRequirement = " + requirement;
        }

        foreach (var policy in signIn.AuthenticationRequirementPolicies)
        {
            yield return "authenticationRequirementPolicies: " + Provider(policy.RequirementProvider ?? "(provider not recorded)") + (string.IsNullOrEmpty(policy.Detail) ? string.Empty : " - " + policy.Detail);
        }
    }

    private static string Line(string what, AppliedConditionalAccessPolicy applied, IReadOnlyList<StrongAuthPolicy>? definitions)
    {
        var text = "'" + (applied.DisplayName ?? applied.Id) + "' " + what;
        var grants = applied.EnforcedGrantControls.Count == 0 ? null : "grant " + string.Join(", ", applied.EnforcedGrantControls);
        var sessions = applied.EnforcedSessionControls.Count == 0 ? null : "session " + string.Join(", ", applied.EnforcedSessionControls);
        var strength = applied.AuthenticationStrengthDisplayName ?? applied.AuthenticationStrengthId;
        var parts = new[] { grants, sessions, strength is null ? null : "strength '" + strength + "'" + (applied.AuthenticationStrengthResult is { } r ? " (" + r + ")" : string.Empty) }.Where(p => p is not null).ToList();
        var definition = definitions?.FirstOrDefault(d => string.Equals(d.Id, applied.Id, StringComparison.OrdinalIgnoreCase));
        if (definition?.AuthenticationStrength is { } full)
        {
            parts.Add("allows " + string.Join(" | ", full.AllowedCombinations));
        }

        if (definition?.SignInFrequency is { IsEnabled: true } frequency)
        {
            parts.Add("sign-in frequency " + frequency);
        }

        return text + (parts.Count == 0 ? string.Empty : ": " + string.Join("; ", parts)) + (applied.Id is null ? string.Empty : " [" + applied.Id + "]");
    }

    private static string Names(IEnumerable<AppliedConditionalAccessPolicy> policies) =>
        string.Join(", ", policies.Select(p => "'" + (p.DisplayName ?? p.Id) + "'"));

    private static string Demands(IEnumerable<AppliedConditionalAccessPolicy> policies)
    {
        var demands = new List<string>();
        foreach (var policy in policies)
        {
            if ((policy.AuthenticationStrengthDisplayName ?? policy.AuthenticationStrengthId) is { } strength)
            {
                demands.Add("the authentication strength '" + strength + "'");
            }

            demands.AddRange(policy.EnforcedGrantControls.Select(Grant).Where(g => g is not null)!);
        }

        return demands.Count == 0 ? "controls the record does not name" : string.Join(", ", demands.Distinct());
    }

    private static string? Grant(string control) => control.ToUpperInvariant() switch
    {
        "MFA" => "multifactor authentication",
        "COMPLIANTDEVICE" => "a compliant device",
        "DOMAINJOINEDDEVICE" => "a hybrid-joined device",
        "APPROVEDAPPLICATION" => "an approved client app",
        "COMPLIANTAPPLICATION" => "an app protection policy",
        "PASSWORDCHANGE" => "a password change",
        "AUTHENTICATIONSTRENGTH" or "REQUIREAUTHENTICATIONSTRENGTH" => null,
        "BLOCK" => "block",
        _ => control,
    };

    private static string Provider(string provider) => provider.ToUpperInvariant() switch
    {
        "USER" => "per-user MFA (the legacy per-user setting)",
        "REQUEST" => "the app's request (it asked for MFA, e.g. amr_values or claims)",
        "SERVICEPRINCIPAL" => "the service principal's own requirement",
        "V1CONDITIONALACCESS" or "MULTICONDITIONALACCESS" or "V1CONDITIONALACCESSPOLICYIDREQUESTED" => "Conditional Access (" + provider + ")",
        "ACCOUNTCOMPROMISEPOLICIES" or "USERRISKPOLICY" or "TENANTSESSIONRISKPOLICY" or "SIGNINRISKPOLICY" => "an ID Protection risk policy (" + provider + ")",
        "BASELINEPROTECTION" or "SECURITYDEFAULTS" or "MFAFROMSECURITYDEFAULTS" => "security defaults (" + provider + ")",
        "PROOFUPCODEREQUEST" or "SCOPEBASEDAUTHREQUIREMENT" => provider + " (registration or scope-based requirement)",
        _ => provider,
    };

    private static string ReportOnlyNote(List<AppliedConditionalAccessPolicy> reportOnly) =>
        reportOnly.Count == 0 ? string.Empty : " Report-only: " + Names(reportOnly) + " would also have applied.";

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
