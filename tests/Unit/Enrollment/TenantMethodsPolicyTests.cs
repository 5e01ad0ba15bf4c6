using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Strength;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>Targeting rules of the Authentication methods policy: include, exclude (wins), all_users, guests, per-target settings.</summary>
public class TenantMethodsPolicyTests
{
    private const string Pilot = "11111111-0000-0000-0000-000000000001";
    private const string Blocked = "11111111-0000-0000-0000-000000000002";
    private const string Alice = "aaaaaaaa-0000-0000-0000-000000000001";

    private static readonly TenantMethodsPolicy Policy = new(
        new[]
        {
            new MethodConfiguration("Fido2", "enabled")
            {
                IncludeTargets = new[] { new MethodTarget(Pilot) },
                ExcludeTargets = new[] { new MethodTarget(Blocked) },
                KeyRestrictions = new Fido2KeyRestrictions(true, "allow", new[] { "key-1" }),
            },
            new MethodConfiguration("MicrosoftAuthenticator", "enabled")
            {
                IncludeTargets = new[] { new MethodTarget(MethodTarget.AllUsers) { AuthenticationMode = "push" }, new MethodTarget(Pilot) { AuthenticationMode = "deviceBasedPush" } },
                IsSoftwareOathEnabled = true,
            },
            new MethodConfiguration("Sms", "enabled")
            {
                IncludeTargets = new[] { new MethodTarget(MethodTarget.AllUsers) { IsUsableForSignIn = false }, new MethodTarget(Alice, "user") { IsUsableForSignIn = true } },
                ExcludeTargets = new[] { new MethodTarget(Blocked) },
            },
            new MethodConfiguration("Voice", "disabled") { IncludeTargets = new[] { new MethodTarget(MethodTarget.AllUsers) }, IsOfficePhoneAllowed = true },
            new MethodConfiguration("Email", "disabled") { IncludeTargets = new[] { new MethodTarget(MethodTarget.AllUsers) }, AllowExternalIdToUseEmailOtp = "default" },
            new MethodConfiguration("X509Certificate", "enabled")
            {
                IncludeTargets = new[] { new MethodTarget(Pilot) },
                X509DefaultMode = "x509CertificateMultiFactor",
                X509Rules = new[] { new X509BindingRule("policyOID", "1.2.3", "x509CertificateSingleFactor") },
            },
        },
        DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture),
        "test");

    public static TheoryData<string, string[], bool, string> EnabledCases => new()
    {
        // user, groups, guest, expected enabled methods (sorted, comma-joined)
        { "u-plain", Array.Empty<string>(), false, "MicrosoftAuthenticator,Sms" },
        { "u-pilot", new[] { Pilot }, false, "Fido2,MicrosoftAuthenticator,Sms,X509Certificate" },
        { "u-pilot-blocked", new[] { Pilot, Blocked }, false, "MicrosoftAuthenticator,X509Certificate" },
        { Alice, new[] { Blocked }, false, "MicrosoftAuthenticator" },
        { "u-guest", Array.Empty<string>(), true, "Email,MicrosoftAuthenticator,Sms" },
    };

    [Theory]
    [MemberData(nameof(EnabledCases))]
    public void Enabled_methods_follow_include_exclude_and_all_users(string user, string[] groups, bool guest, string expected)
    {
        var policy = Policy.ForUser(user, groups, guest);
        Assert.True(policy.IsKnown);
        Assert.Equal(expected, string.Join(",", policy.EnabledMethods.OrderBy(m => m, StringComparer.Ordinal)));
        Assert.False(policy.IsMethodEnabled("Voice")); // disabled configuration, even though it targets all_users
    }

    [Theory]
    [InlineData("u-plain", false, "push", false)]
    [InlineData("u-pilot", true, "any", false)]
    [InlineData(Alice, false, "push", true)]
    public void Per_target_settings_come_from_the_targets_that_name_the_user(string user, bool inPilot, string mode, bool smsSignIn)
    {
        var policy = Policy.ForUser(user, inPilot ? new[] { Pilot } : Array.Empty<string>(), isGuest: false);
        Assert.Equal(mode, policy.AuthenticatorMode);
        Assert.Equal(smsSignIn, policy.SmsSignInAllowed);
        Assert.Equal(smsSignIn, policy.Meets("Sms:signIn"));
        Assert.True(policy.AuthenticatorSoftwareOathEnabled);
        Assert.True(policy.VoiceOfficePhoneAllowed);
        Assert.Equal("x509CertificateMultiFactor", policy.X509DefaultBinding);
        Assert.Equal("1.2.3", Assert.Single(policy.X509BindingRules).Identifier);
        Assert.False(policy.AllowsAaguid("key-2"));
        Assert.True(policy.AllowsAaguid("key-1"));
    }

    [Fact]
    public void Target_group_ids_name_every_group_once_and_no_pseudo_group_or_user()
    {
        Assert.Equal(new[] { Pilot, Blocked }, Policy.TargetGroupIds.OrderBy(g => g, StringComparer.Ordinal));
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", Policy.LastModifiedDateTime!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_unknown_policy_gives_the_unknown_user_policy_that_meets_everything()
    {
        var policy = TenantMethodsPolicy.Unknown.ForUser("u", Array.Empty<string>(), isGuest: false);
        Assert.Same(UserMethodsPolicy.Unknown, policy);
        Assert.True(policy.Meets("Voice:officePhone"));
        Assert.Empty(TenantMethodsPolicy.Unknown.TargetGroupIds);
    }

    [Fact]
    public void Email_for_guests_follows_allowExternalIdToUseEmailOtp()
    {
        var disabled = new TenantMethodsPolicy(
            new[] { new MethodConfiguration("Email", "disabled") { AllowExternalIdToUseEmailOtp = "disabled" } }, null, "test");
        Assert.Empty(disabled.ForUser("g", Array.Empty<string>(), isGuest: true).EnabledMethods);
        Assert.False(disabled.ForUser("g", Array.Empty<string>(), isGuest: true).EmailOtpForExternalUsers);
    }

    [Fact]
    public void Group_membership_answers_groups_of_a_user_and_says_when_it_is_partial()
    {
        var membership = new GroupMembership(
            new Dictionary<string, IEnumerable<string>> { [Pilot] = new[] { "u1", "u2" }, [Blocked] = new[] { "u2" } },
            new[] { "gone" });
        Assert.Equal(new[] { Pilot, Blocked }, membership.GroupsOf("U2").OrderBy(g => g, StringComparer.Ordinal));
        Assert.Empty(membership.GroupsOf("u3"));
        Assert.False(membership.IsComplete);
        Assert.Equal("gone", Assert.Single(membership.UnreadGroupIds));
        Assert.True(GroupMembership.Empty.IsComplete);
    }
}
