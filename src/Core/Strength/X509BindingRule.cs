using System;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A certificate-based authentication binding rule (x509CertificateRule): certificates from an issuer or with a policy OID bind to a mode.</summary>
public sealed class X509BindingRule
{
    public X509BindingRule(string ruleType, string identifier, string binding)
    {
        RuleType = ruleType ?? throw new ArgumentNullException(nameof(ruleType));
        Identifier = identifier ?? throw new ArgumentNullException(nameof(identifier));
        Binding = binding ?? throw new ArgumentNullException(nameof(binding));
    }

    /// <summary>issuerSubject or policyOID.</summary>
    public string RuleType { get; }

    public string Identifier { get; }

    /// <summary>x509CertificateSingleFactor or x509CertificateMultiFactor.</summary>
    public string Binding { get; }

    public bool Matches(RegisteredMethod method)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        return RuleType.ToUpperInvariant() switch
        {
            "ISSUERSUBJECT" => string.Equals(method.CertificateIssuer, Identifier, StringComparison.OrdinalIgnoreCase),
            "POLICYOID" => method.CertificatePolicyOids.Contains(Identifier),
            _ => false,
        };
    }
}
