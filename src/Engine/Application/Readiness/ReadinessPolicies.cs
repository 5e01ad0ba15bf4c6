using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Policies;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// -Policy values as policies: objects from Get-StrongAuthPolicy as they are, names and ids (wildcards) looked up among
/// the tenant's or the files' policies. A name that matches nothing, or a policy that demands neither MFA nor a
/// strength, is an error: assessing it would say everyone is ready.
/// </summary>
public static class ReadinessPolicies
{
    public static async Task<IReadOnlyList<StrongAuthPolicy>> ResolveAsync(IReadOnlyList<object> values, IEnrollmentData? data, CancellationToken cancellationToken)
    {
        var resolved = new List<StrongAuthPolicy>();
        var names = new List<string>();
        foreach (var value in values)
        {
            switch (value)
            {
                case StrongAuthPolicy policy:
                    resolved.Add(Demanding(policy));
                    break;
                case string text when !string.IsNullOrWhiteSpace(text):
                    names.Add(text.Trim());
                    break;
                default:
                    throw new EntraStrongAuthException(ErrorIds.StrongAuthPolicyInvalid, FailureKind.InvalidArgument, "-Policy takes a policy name, an id or an object from Get-StrongAuthPolicy, not " + (value?.GetType().Name ?? "null") + ".", "Pass a Conditional Access policy name (wildcards allowed) or pipe Get-StrongAuthPolicy.");
            }
        }

        if (names.Count == 0)
        {
            return resolved;
        }

        if (data is null)
        {
            throw new EntraStrongAuthException(ErrorIds.StrongAuthPolicyNotFound, FailureKind.ObjectNotFound, "-Policy '" + string.Join("', '", names) + "' names a policy, but there are no policies to look it up in.", "Connect (Connect-EntraStrongAuth) or pass the saved policies (conditionalAccessPolicies.json) with -TenantDataPath.");
        }

        var matcher = new StrengthNameMatcher(names);
        var policies = (await data.ReadPoliciesAsync(cancellationToken).ConfigureAwait(false)).Where(p => matcher.Matches(p.DisplayName, p.Id)).ToList();
        foreach (var name in matcher.Unmatched(policies.Select(p => new string?[] { p.DisplayName, p.Id }).ToList()))
        {
            throw new EntraStrongAuthException(ErrorIds.StrongAuthPolicyNotFound, FailureKind.ObjectNotFound, "No Conditional Access policy is named '" + name + "'.", "Run Get-StrongAuthPolicy -IncludeDisabled for the names; they complete with Tab once read.");
        }

        resolved.AddRange(policies.Select(Demanding));
        return resolved.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
    }

    /// <summary>-AuthenticationStrength of a planned policy: an object, or a name or id among the built-in and the tenant's strengths.</summary>
    public static async Task<AuthenticationStrength> StrengthAsync(object value, IEnrollmentData? data, CancellationToken cancellationToken)
    {
        if (value is AuthenticationStrength strength)
        {
            return strength;
        }

        if (data is not null)
        {
            var strengths = new EnrollmentStrengths(data);
            await strengths.AddStrengthsAsync(new[] { value }, cancellationToken).ConfigureAwait(false);
            return strengths.Explicit[0];
        }

        return value is string text && FailureStrengthLink.Find(text, Array.Empty<AuthenticationStrength>()) is { } builtIn
            ? builtIn
            : throw new EntraStrongAuthException(ErrorIds.AuthenticationStrengthNotFound, FailureKind.ObjectNotFound, "No built-in authentication strength has the name or id '" + value + "'.", "Name a built-in strength ('Multifactor authentication', 'Passwordless MFA', 'Phishing-resistant MFA'), or pass the tenant's strengths with -TenantDataPath or connect.");
    }

    private static StrongAuthPolicy Demanding(StrongAuthPolicy policy) => policy.DemandsStrongAuthentication
        ? policy
        : throw new EntraStrongAuthException(ErrorIds.StrongAuthPolicyInvalid, FailureKind.InvalidArgument, "'" + policy.DisplayName + "' demands neither MFA nor an authentication strength: there is nothing to be ready for.", "Choose a policy that requires MFA or a strength, or describe the planned one with -AuthenticationStrength or -RequireMfa.");
}
