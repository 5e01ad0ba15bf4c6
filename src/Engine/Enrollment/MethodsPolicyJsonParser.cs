using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// The authenticationMethodsPolicy object into a <see cref="TenantMethodsPolicy"/>: each authenticationMethodConfiguration
/// with its state, include/exclude targets (and their per-target authenticationMode / isUsableForSignIn), and the
/// subtype settings the strength evaluator uses (fido2 keyRestrictions, microsoftAuthenticator isSoftwareOathEnabled,
/// voice isOfficePhoneAllowed, email allowExternalIdToUseEmailOtp, x509Certificate authenticationModeConfiguration).
/// </summary>
internal static class MethodsPolicyJsonParser
{
    public const string InvalidPolicy = ErrorIds.MethodsPolicyInvalid;
    public const string InvalidConfiguration = ErrorIds.MethodsPolicyConfigurationInvalid;

    /// <summary>The policy; <see cref="TenantMethodsPolicy.Unknown"/> with a problem when the object itself cannot be read.</summary>
    public static TenantMethodsPolicy Parse(JsonElement root, string source, List<PolicyReadProblem> problems)
    {
        List<JsonElement> items;
        DateTimeOffset? modified;
        try
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyShapeException("(policy)", "a JSON object");
            }

            modified = PolicyJson.Date(root, "lastModifiedDateTime");
            items = PolicyJson.Property(root, "authenticationMethodConfigurations") switch
            {
                { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().ToList(),
                _ => throw new PolicyShapeException("authenticationMethodConfigurations", "an array of method configurations"),
            };
        }
        catch (PolicyShapeException ex)
        {
            problems.Add(new PolicyReadProblem(InvalidPolicy, source, "not a readable Authentication methods policy: " + ex.Message + " Every method is assumed enabled."));
            return TenantMethodsPolicy.Unknown;
        }

        var configurations = new List<MethodConfiguration>();
        for (var index = 0; index < items.Count; index++)
        {
            // A configuration left out reads as a disabled method: say so, as the answers for that method change.
            var problemsBefore = problems.Count;
            if (EnrollmentRecord.Read(items[index], source, index + 1, InvalidConfiguration, "method configuration", problems, Configuration) is { } configuration)
            {
                configurations.Add(configuration);
            }
            else if (problems.Count > problemsBefore)
            {
                var problem = problems[problems.Count - 1];
                problems[problems.Count - 1] = new PolicyReadProblem(problem.ErrorId, problem.Source, problem.Message + " The method is treated as disabled.", problem.Record, problem.Id);
            }
        }

        return new TenantMethodsPolicy(configurations, modified, source);
    }

    private static MethodConfiguration Configuration(JsonElement item)
    {
        var modes = PolicyJson.Object(item, "authenticationModeConfiguration");
        var restrictions = PolicyJson.Object(item, "keyRestrictions");
        return new MethodConfiguration(PolicyJson.RequiredString(item, "id"), PolicyJson.String(item, "state") ?? "disabled")
        {
            Kind = PolicyJson.String(item, "@odata.type") is { } type ? RegisteredMethod.NormalizeKind(type) : null,
            IncludeTargets = Targets(item, "includeTargets"),
            ExcludeTargets = Targets(item, "excludeTargets"),
            IsSoftwareOathEnabled = PolicyJson.Boolean(item, "isSoftwareOathEnabled"),
            IsOfficePhoneAllowed = PolicyJson.Boolean(item, "isOfficePhoneAllowed"),
            AllowExternalIdToUseEmailOtp = PolicyJson.String(item, "allowExternalIdToUseEmailOtp"),
            KeyRestrictions = restrictions is { } r
                ? new Fido2KeyRestrictions(PolicyJson.Boolean(r, "isEnforced") ?? false, PolicyJson.String(r, "enforcementType") ?? "block", PolicyJson.Strings(r, "aaGuids"))
                : null,
            X509DefaultMode = modes is { } m ? PolicyJson.String(m, "x509CertificateAuthenticationDefaultMode") : null,
            X509Rules = modes is { } rules ? Rules(rules) : new List<X509BindingRule>(),
        };
    }

    private static List<MethodTarget> Targets(JsonElement item, string name)
    {
        var list = new List<MethodTarget>();
        foreach (var target in Elements(item, name, "an array of targets"))
        {
            if (target.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyShapeException(name, "an array of target objects");
            }

            list.Add(new MethodTarget(PolicyJson.String(target, "id") ?? throw new PolicyShapeException(name + "[].id", "a group id or all_users"), PolicyJson.String(target, "targetType"))
            {
                AuthenticationMode = PolicyJson.String(target, "authenticationMode"),
                IsUsableForSignIn = PolicyJson.Boolean(target, "isUsableForSignIn"),
            });
        }

        return list;
    }

    private static List<X509BindingRule> Rules(JsonElement modes) =>
        Elements(modes, "rules", "an array of x509CertificateRule objects")
            .Select(rule => new X509BindingRule(
                PolicyJson.String(rule, "x509CertificateRuleType") ?? throw new PolicyShapeException("rules[].x509CertificateRuleType", "issuerSubject or policyOID"),
                PolicyJson.String(rule, "identifier") ?? throw new PolicyShapeException("rules[].identifier", "a non-empty string"),
                PolicyJson.String(rule, "x509CertificateAuthenticationMode") ?? throw new PolicyShapeException("rules[].x509CertificateAuthenticationMode", "x509CertificateSingleFactor or x509CertificateMultiFactor")))
            .ToList();

    private static IEnumerable<JsonElement> Elements(JsonElement item, string name, string expected) =>
        PolicyJson.Property(item, name) switch
        {
            null => System.Array.Empty<JsonElement>(),
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray(),
            _ => throw new PolicyShapeException(name, expected),
        };
}
