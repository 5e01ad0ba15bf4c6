using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Strength;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using CoreKeyRestrictions = EntraStrongAuth.Core.Strength.Fido2KeyRestrictions;

namespace EntraStrongAuth.EnrollmentBaseline;

/// <summary>
/// The Authentication methods policy, read once (GET policies/authenticationMethodsPolicy), and the members of every
/// group it targets (GET groups/{id}/transitiveMembers, all pages), resolved into the <see cref="UserMethodsPolicy"/>
/// the evaluator needs for one user. An admin who wants a right answer has to do the same: a method the policy does
/// not enable for the user does not count towards a strength.
/// </summary>
internal sealed class MethodsPolicyResolver
{
    private const string AllUsers = "all_users";
    private readonly List<AuthenticationMethodConfiguration> enabled;
    private readonly Dictionary<string, HashSet<string>> members;

    private MethodsPolicyResolver(List<AuthenticationMethodConfiguration> enabled, Dictionary<string, HashSet<string>> members)
    {
        this.enabled = enabled;
        this.members = members;
    }

    public int GroupCount => members.Count;

    public static async Task<MethodsPolicyResolver> ReadAsync(GraphServiceClient client)
    {
        var policy = await client.Policies.AuthenticationMethodsPolicy.GetAsync().ConfigureAwait(false);
        var enabled = (policy?.AuthenticationMethodConfigurations ?? [])
            .Where(c => string.Equals(c.State?.ToString(), "Enabled", StringComparison.OrdinalIgnoreCase)).ToList();
        var groups = enabled.SelectMany(c => Includes(c).Select(t => t.Id).Concat((c.ExcludeTargets ?? []).Select(t => t.Id)))
            .OfType<string>().Where(id => id != AllUsers).Distinct(StringComparer.OrdinalIgnoreCase);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (string group in groups)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var page = await client.Groups[group].TransitiveMembers.GetAsync(r => r.QueryParameters.Top = 999).ConfigureAwait(false);
            var iterator = PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(client, page!, member =>
            {
                if (member.Id is { } id)
                {
                    ids.Add(id);
                }

                return true;
            });
            await iterator.IterateAsync().ConfigureAwait(false);
            members[group] = ids;
        }

        return new MethodsPolicyResolver(enabled, members);
    }

    /// <summary>The policy as it applies to <paramref name="userId"/>: configurations including and not excluding them, with their settings.</summary>
    public UserMethodsPolicy For(string userId)
    {
        var names = new List<string>();
        string authenticatorMode = "any";
        bool? smsSignIn = null;
        bool authenticatorOath = false, officePhone = false;
        CoreKeyRestrictions? keys = null;
        foreach (var configuration in enabled)
        {
            var target = Includes(configuration).FirstOrDefault(t => Targets(t.Id, userId));
            bool included = target is not null || !HasIncludeTargets(configuration);
            if (!included || (configuration.ExcludeTargets ?? []).Any(t => Targets(t.Id, userId)) || configuration.Id is not { } name)
            {
                continue;
            }

            names.Add(name);
            switch (configuration)
            {
                case MicrosoftAuthenticatorAuthenticationMethodConfiguration authenticator:
                    authenticatorOath = authenticator.IsSoftwareOathEnabled == true;
                    authenticatorMode = Camel((target as MicrosoftAuthenticatorAuthenticationMethodTarget)?.AuthenticationMode?.ToString()) ?? "any";
                    break;
                case SmsAuthenticationMethodConfiguration:
                    smsSignIn = (target as SmsAuthenticationMethodTarget)?.IsUsableForSignIn;
                    break;
                case VoiceAuthenticationMethodConfiguration voice:
                    officePhone = voice.IsOfficePhoneAllowed == true;
                    break;
                case Fido2AuthenticationMethodConfiguration fido2 when fido2.KeyRestrictions is { IsEnforced: true } restrictions:
                    keys = new CoreKeyRestrictions(true, Camel(restrictions.EnforcementType?.ToString()) ?? "allow", restrictions.AaGuids ?? []);
                    break;
            }
        }

        return new UserMethodsPolicy(names)
        {
            AuthenticatorMode = authenticatorMode,
            AuthenticatorSoftwareOathEnabled = authenticatorOath,
            SmsSignInAllowed = smsSignIn,
            VoiceOfficePhoneAllowed = officePhone,
            Fido2KeyRestrictions = keys,
        };
    }

    private bool Targets(string? targetId, string userId) =>
        string.Equals(targetId, AllUsers, StringComparison.OrdinalIgnoreCase)
        || (targetId is not null && members.TryGetValue(targetId, out var ids) && ids.Contains(userId))
        || string.Equals(targetId, userId, StringComparison.OrdinalIgnoreCase);

    // Each configuration type declares its own IncludeTargets (the base type has none).
    private static IEnumerable<AuthenticationMethodTarget> Includes(AuthenticationMethodConfiguration configuration) => configuration switch
    {
        Fido2AuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        MicrosoftAuthenticatorAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        SmsAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        VoiceAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        EmailAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        SoftwareOathAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        TemporaryAccessPassAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        X509CertificateAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        QrCodePinAuthenticationMethodConfiguration c => c.IncludeTargets ?? [],
        _ => [],
    };

    private static bool HasIncludeTargets(AuthenticationMethodConfiguration configuration) => Includes(configuration).Any();

    /// <summary>The SDK's enum member name in Graph's wire spelling (DeviceBasedPush → deviceBasedPush).</summary>
    internal static string? Camel(string? name) => string.IsNullOrEmpty(name) ? null : char.ToLowerInvariant(name[0]) + name[1..];
}
