using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// A strength's <c>combinationConfigurations</c> entry: which methods may be used for the combinations it applies to.
/// Graph has two kinds: <c>fido2CombinationConfiguration</c> (allowedAAGUIDs) and
/// <c>x509CertificateCombinationConfiguration</c> (allowedIssuerSkis, allowedPolicyOIDs).
/// </summary>
public sealed class CombinationConfiguration
{
    public CombinationConfiguration(
        IEnumerable<string> appliesToCombinations,
        IEnumerable<string>? allowedAaguids = null,
        IEnumerable<string>? allowedIssuerSkis = null,
        IEnumerable<string>? allowedPolicyOids = null)
    {
        AppliesToCombinations = (appliesToCombinations ?? throw new ArgumentNullException(nameof(appliesToCombinations)))
            .Select(StrengthCombination.Normalize)
            .ToList();
        AllowedAaguids = allowedAaguids?.Select(a => a.Trim()).ToList() ?? new List<string>();
        AllowedIssuerSkis = allowedIssuerSkis?.Select(a => a.Trim()).ToList() ?? new List<string>();
        AllowedPolicyOids = allowedPolicyOids?.Select(a => a.Trim()).ToList() ?? new List<string>();
    }

    public IReadOnlyList<string> AppliesToCombinations { get; }

    /// <summary>FIDO2 authenticator models allowed (empty: this is not a FIDO2 restriction).</summary>
    public IReadOnlyList<string> AllowedAaguids { get; }

    /// <summary>Certificate issuers allowed, by subject key identifier of the issuing CA.</summary>
    public IReadOnlyList<string> AllowedIssuerSkis { get; }

    /// <summary>Certificate policy OIDs allowed.</summary>
    public IReadOnlyList<string> AllowedPolicyOids { get; }

    public bool IsFido2 => AllowedAaguids.Count > 0;

    public bool IsCertificate => AllowedIssuerSkis.Count > 0 || AllowedPolicyOids.Count > 0;

    public bool AppliesTo(string combination) =>
        AppliesToCombinations.Contains(StrengthCombination.Normalize(combination), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a registered method passes this configuration. A FIDO2 restriction checks the AAGUID; a certificate
    /// restriction needs the issuer SKI in the list or one policy OID in the list (the two lists are alternatives,
    /// per concept-authentication-strength-advanced-options.md). A restriction the method cannot be checked against
    /// (AAGUID unknown) does not pass: the strength could not be shown to be met.
    /// </summary>
    public bool Allows(RegisteredMethod method)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (IsFido2)
        {
            return method.Aaguid is not null && AllowedAaguids.Contains(method.Aaguid, StringComparer.OrdinalIgnoreCase);
        }

        if (IsCertificate)
        {
            var issuerOk = method.CertificateIssuerSki is not null && AllowedIssuerSkis.Contains(method.CertificateIssuerSki, StringComparer.OrdinalIgnoreCase);
            var oidOk = method.CertificatePolicyOids.Any(o => AllowedPolicyOids.Contains(o, StringComparer.Ordinal));
            return issuerOk || oidOk;
        }

        return true;
    }

    public override string ToString() =>
        IsFido2 ? "allowed FIDO2 AAGUIDs " + string.Join(", ", AllowedAaguids)
        : "allowed certificate issuers " + string.Join(", ", AllowedIssuerSkis) + " or policy OIDs " + string.Join(", ", AllowedPolicyOids);
}
