using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// What changed between a session's last MFA success and a later failure of the same session or flow: another
/// resource (a stronger requirement on it explains a step-up), another IP address or country, or a raised risk level
/// (either ends earlier proof: stale claims). Evidence only for the causes it speaks to; nothing when nothing changed.
/// </summary>
internal static class FlowChangeEvidence
{
    private static readonly string[] RiskOrder = { "none", "low", "medium", "high" };

    public static FailureClassification Add(FailureClassification classification, FlowContext? proof)
    {
        if (proof is null || classification.Cause is not (FailureCause.PolicyStepUp or FailureCause.StaleSessionClaims))
        {
            return classification;
        }

        var changes = Of(classification.SignIn, proof).ToList();
        return changes.Count == 0 ? classification : classification with { Evidence = classification.Evidence.Concat(changes).ToList() };
    }

    /// <summary>What changed since <paramref name="proof"/>; <paramref name="where"/> says where the proof was found.</summary>
    internal static IEnumerable<Evidence> Of(SignInEvent failure, FlowContext proof, string where = "in the same session or flow")
    {
        var since = " since the last MFA " + where + " (sign-in " + proof.SignInId + ", "
            + Durations.Describe(TimeSpan.FromTicks(failure.CreatedDateTime.UtcTicks - proof.Ticks)) + " earlier";
        if (Differs(failure.ResourceId, proof.ResourceId))
        {
            yield return new Evidence("resourceId", failure.ResourceId, "The app moved to another resource" + since + ", to " + (proof.ResourceName ?? proof.ResourceId) + "): a stronger requirement on this resource asks for proof again (step-up).");
        }

        if (Differs(failure.IpAddress, proof.IpAddress))
        {
            yield return new Evidence("ipAddress", failure.IpAddress, "The IP address changed" + since + ", from " + proof.IpAddress + "): a new network can end earlier proof (location conditions, continuous access evaluation).");
        }

        if (Differs(failure.CountryOrRegion, proof.Country))
        {
            yield return new Evidence("location.countryOrRegion", failure.CountryOrRegion, "The country changed" + since + ", from " + proof.Country + ").");
        }

        if (Rank(proof.Risk) >= 0 && Rank(failure.RiskLevelDuringSignIn) > Rank(proof.Risk))
        {
            yield return new Evidence("riskLevelDuringSignIn", failure.RiskLevelDuringSignIn, "The sign-in risk rose" + since + ", from " + proof.Risk + "): risk policies ask for fresh proof.");
        }
    }

    /// <summary>Both known and not the same: a field one record lacks is no evidence of change.</summary>
    private static bool Differs(string? now, string? then) =>
        !string.IsNullOrWhiteSpace(now) && !string.IsNullOrWhiteSpace(then) && !string.Equals(now!.Trim(), then!.Trim(), StringComparison.OrdinalIgnoreCase);

    private static int Rank(string? risk) => Array.FindIndex(RiskOrder, r => string.Equals(r, risk?.Trim(), StringComparison.OrdinalIgnoreCase));
}
