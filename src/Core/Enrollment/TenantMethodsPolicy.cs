using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// The tenant's Authentication methods policy (<c>policies/authenticationMethodsPolicy</c>) as plain data, and the
/// targeting rules that turn it into the <see cref="UserMethodsPolicy"/> of one user: a method is enabled for a user
/// when its configuration is enabled, an include target names the user (all_users, the user, or a group the user is
/// in) and no exclude target does (exclude wins).
/// </summary>
public sealed class TenantMethodsPolicy
{
    private readonly Dictionary<string, MethodConfiguration> _byId;

    public TenantMethodsPolicy(IReadOnlyList<MethodConfiguration> configurations, DateTimeOffset? lastModifiedDateTime, string source)
    {
        Configurations = configurations ?? throw new ArgumentNullException(nameof(configurations));
        _byId = new Dictionary<string, MethodConfiguration>(StringComparer.OrdinalIgnoreCase);
        foreach (var configuration in configurations)
        {
            // A duplicate id would be a malformed record; the first one stands, as the parser reports the rest.
            if (!_byId.ContainsKey(configuration.Id))
            {
                _byId[configuration.Id] = configuration;
            }
        }

        LastModifiedDateTime = lastModifiedDateTime;
        Source = source ?? throw new ArgumentNullException(nameof(source));
        IsKnown = true;
        TargetGroupIds = configurations
            .SelectMany(c => c.IncludeTargets.Concat(c.ExcludeTargets))
            .Where(t => t.IsGroup)
            .Select(t => t.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private TenantMethodsPolicy()
    {
        Configurations = Array.Empty<MethodConfiguration>();
        _byId = new Dictionary<string, MethodConfiguration>();
        TargetGroupIds = Array.Empty<string>();
        Source = "unknown";
        IsKnown = false;
    }

    /// <summary>The policy could not be read: every user's policy is <see cref="UserMethodsPolicy.Unknown"/> (every method assumed enabled).</summary>
    public static TenantMethodsPolicy Unknown { get; } = new();

    public bool IsKnown { get; }

    public IReadOnlyList<MethodConfiguration> Configurations { get; }

    /// <summary>Every group id named in an include or exclude target (all_users and user targets are not groups).</summary>
    public IReadOnlyCollection<string> TargetGroupIds { get; }

    public DateTimeOffset? LastModifiedDateTime { get; }

    /// <summary>Where the policy came from: <c>Graph /v1.0/policies/authenticationMethodsPolicy</c> or a file path.</summary>
    public string Source { get; }

    public MethodConfiguration? Configuration(string id) => _byId.TryGetValue(id, out var configuration) ? configuration : null;

    /// <summary>
    /// The policy as it applies to one user. <paramref name="groupIdsOfUser"/> are the user's transitive groups (only
    /// those in <see cref="TargetGroupIds"/> matter). For a guest, email one-time passcode also counts as enabled when
    /// allowExternalIdToUseEmailOtp is not <c>disabled</c>: that setting lets B2B users use it whatever the targets say.
    /// </summary>
    public UserMethodsPolicy ForUser(string userId, IReadOnlyCollection<string> groupIdsOfUser, bool isGuest)
    {
        if (!IsKnown)
        {
            return UserMethodsPolicy.Unknown;
        }

        if (userId is null)
        {
            throw new ArgumentNullException(nameof(userId));
        }

        var groups = new HashSet<string>(groupIdsOfUser ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        var enabled = new List<string>();
        var matched = new Dictionary<string, List<MethodTarget>>(StringComparer.OrdinalIgnoreCase);
        foreach (var configuration in Configurations)
        {
            var targets = MatchingTargets(configuration, userId, groups);
            if (targets.Count > 0)
            {
                enabled.Add(configuration.Id);
                matched[configuration.Id] = targets;
            }
        }

        var email = Configuration("Email");
        var externalEmail = email?.AllowExternalIdToUseEmailOtp is not { } allow || !string.Equals(allow, "disabled", StringComparison.OrdinalIgnoreCase);
        if (isGuest && externalEmail && email is not null && !enabled.Contains(email.Id, StringComparer.OrdinalIgnoreCase))
        {
            enabled.Add(email.Id);
        }

        var authenticator = Configuration("MicrosoftAuthenticator");
        var fido2 = Configuration("Fido2");
        var x509 = Configuration("X509Certificate");
        return new UserMethodsPolicy(enabled)
        {
            AuthenticatorMode = AuthenticatorMode(matched.TryGetValue("MicrosoftAuthenticator", out var a) ? a : null),
            AuthenticatorSoftwareOathEnabled = authenticator?.IsSoftwareOathEnabled ?? false,
            SmsSignInAllowed = SmsSignIn(matched.TryGetValue("Sms", out var s) ? s : null),
            VoiceOfficePhoneAllowed = Configuration("Voice")?.IsOfficePhoneAllowed ?? false,
            EmailOtpForExternalUsers = externalEmail,
            Fido2KeyRestrictions = fido2?.KeyRestrictions,
            X509DefaultBinding = x509?.X509DefaultMode ?? "x509CertificateSingleFactor",
            X509BindingRules = x509?.X509Rules ?? Array.Empty<X509BindingRule>(),
        };
    }

    private static List<MethodTarget> MatchingTargets(MethodConfiguration configuration, string userId, HashSet<string> groups)
    {
        if (!configuration.IsEnabled || configuration.ExcludeTargets.Any(t => t.Matches(userId, groups)))
        {
            return new List<MethodTarget>();
        }

        return configuration.IncludeTargets.Where(t => t.Matches(userId, groups)).ToList();
    }

    // Several targets may name the user: each grants its mode, so push and deviceBasedPush together allow any.
    private static string AuthenticatorMode(List<MethodTarget>? targets)
    {
        var modes = (targets ?? new List<MethodTarget>())
            .Select(t => t.AuthenticationMode ?? "any")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return modes.Count == 1 ? modes[0] : "any";
    }

    // A user any of whose matching SMS targets allows sign-in may use SMS sign-in.
    private static bool? SmsSignIn(List<MethodTarget>? targets)
    {
        var values = (targets ?? new List<MethodTarget>()).Select(t => t.IsUsableForSignIn).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Any(v => v);
    }
}
