using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// What a successful sign-in proves about MFA, for <see cref="StrongAuthFailure.ResolvedBy"/>. Federated MFA counts:
/// "MFA requirement satisfied by claim in the token" is MFA done at the identity provider, even when
/// authenticationRequirement says singleFactorAuthentication (mission-anchors §e.9, azure-docs #35444).
/// </summary>
internal static class SuccessProof
{
    public const string FederatedClaim = "Claim in the token (federated MFA)";

    /// <summary>How the success satisfied MFA, or null when it shows no MFA.</summary>
    public static string? ResolvedBy(SignInEvent success)
    {
        // A loop, not LINQ: this runs for every success of the input.
        foreach (var step in success.AuthenticationDetails)
        {
            if (step.Succeeded == true && IsMfaStep(step) && !string.IsNullOrWhiteSpace(step.AuthenticationMethod))
            {
                return step.AuthenticationMethod!.Trim();
            }
        }

        if (Contains(success.AdditionalDetails, "satisfied by claim in the token"))
        {
            return FederatedClaim;
        }

        if (Contains(success.AdditionalDetails, "claim provided by external provider"))
        {
            return "Claim from an external provider";
        }

        if (success.TokenIssuerType is "ADFederationServicesMFAAdapter" or "NPSExtension")
        {
            return "MFA by " + success.TokenIssuerType;
        }

        return string.Equals(success.AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase)
            ? "Multifactor authentication (method not logged)"
            : null;
    }

    /// <summary>Any step other than primary authentication: "Multifactor authentication", or a strength's name.</summary>
    private static bool IsMfaStep(AuthenticationDetail detail) =>
        detail.AuthenticationStepRequirement is { } requirement
        && requirement.IndexOf("Primary", StringComparison.OrdinalIgnoreCase) < 0;

    private static bool Contains(string? text, string part) => text is not null && text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
