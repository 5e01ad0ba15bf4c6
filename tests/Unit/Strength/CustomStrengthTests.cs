using System;
using System.Linq;
using EntraStrongAuth.Core.Strength;
using Xunit;
using static EntraStrongAuth.Tests.Strength.StrengthPersonas;

namespace EntraStrongAuth.Tests.Strength;

/// <summary>Custom strengths, policy settings and user facts that change the answer.</summary>
public class CustomStrengthTests
{
    private static AuthenticationStrength Custom(params string[] combinations) => new("11111111-1111-1111-1111-111111111111", "Custom", "custom", combinations);

    private static AuthenticationStrength YubiKeysOnly => new(
        "22222222-2222-2222-2222-222222222222",
        "YubiKeys only",
        "custom",
        new[] { "fido2", "temporaryAccessPassOneTime" },
        new[] { new CombinationConfiguration(new[] { "fido2" }, allowedAaguids: new[] { YubiKey5Nfc }) });

    private static StrengthEvaluation Evaluate(AuthenticationStrength strength, UserMethodsPolicy policy, params RegisteredMethod[] methods) =>
        StrengthEvaluator.Evaluate(strength, methods, policy);

    [Fact]
    public void Fido2_key_outside_the_allowed_aaguids_does_not_count_and_the_suggestion_names_the_allowed_models()
    {
        var result = Evaluate(YubiKeysOnly, AllEnabled, Fido2(OtherKey));

        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
        var finding = Assert.Single(result.MethodsNotCounted);
        Assert.Equal(MethodReason.RestrictedByCombinationConfiguration, finding.ReasonKind);
        Assert.Contains(YubiKey5Nfc, finding.Text, StringComparison.Ordinal);
        // The passkey in Authenticator has Authenticator's AAGUID, which the strength does not allow: a security key it is.
        var add = Assert.Single(result.MethodsToAdd);
        Assert.Equal("FIDO2 security key (passkey)", add.Label);
        Assert.Equal("a model whose AAGUID is one of " + YubiKey5Nfc, add.Restriction);
        Assert.Equal("fido2", result.CombinationToComplete);
    }

    [Fact]
    public void Fido2_key_with_an_allowed_aaguid_satisfies_the_restricted_combination()
    {
        var result = Evaluate(YubiKeysOnly, AllEnabled, Fido2(YubiKey5Nfc.ToUpperInvariant()));

        Assert.Equal("fido2", Assert.Single(result.SatisfiableCombinations).Combination);
    }

    [Fact]
    public void Passkey_in_authenticator_counts_as_fido2_when_its_aaguid_is_allowed()
    {
        var strength = new AuthenticationStrength("3", "Authenticator passkeys", "custom", new[] { "fido2" },
            new[] { new CombinationConfiguration(new[] { "fido2" }, allowedAaguids: new[] { AuthenticatorIos }) });

        var nothing = Evaluate(strength, AllEnabled);
        var registered = Evaluate(strength, AllEnabled, new RegisteredMethod("passKeyDeviceBoundAuthenticator") { Aaguid = AuthenticatorIos });

        Assert.Equal("Passkey in Microsoft Authenticator", Assert.Single(nothing.MethodsToAdd).Label);
        Assert.Equal(StrengthOutcome.Satisfiable, registered.OutcomeKind);
    }

    [Fact]
    public void Fido2_policy_key_restrictions_block_a_key_model()
    {
        var policy = new UserMethodsPolicy(AllMethods) { Fido2KeyRestrictions = new Fido2KeyRestrictions(true, "block", new[] { OtherKey }) };

        var result = Evaluate(BuiltInStrengthTests.BuiltIn(4), policy, Fido2(OtherKey));

        Assert.Equal(MethodReason.BlockedByKeyRestrictions, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
    }

    [Fact]
    public void Fido2_policy_allow_list_assumes_a_report_key_of_unknown_model_allowed_and_says_so()
    {
        var policy = new UserMethodsPolicy(AllMethods) { Fido2KeyRestrictions = new Fido2KeyRestrictions(true, "allow", new[] { YubiKey5Nfc }) };

        // The registration report names the method only; Microsoft's isMfaCapable already applied the restrictions.
        var fromReport = Evaluate(BuiltInStrengthTests.BuiltIn(4), policy, new RegisteredMethod("passKeyDeviceBound"));
        var otherModel = Evaluate(BuiltInStrengthTests.BuiltIn(4), policy, Fido2(OtherKey));

        Assert.Equal(StrengthOutcome.Satisfiable, fromReport.OutcomeKind);
        Assert.Contains(fromReport.Uncertainties, u => u.Contains("AAGUID", StringComparison.Ordinal) && u.Contains("assumed allowed", StringComparison.Ordinal));
        Assert.Equal(MethodReason.BlockedByKeyRestrictions, Assert.Single(otherModel.MethodsNotCounted).ReasonKind);
        Assert.DoesNotContain(otherModel.Uncertainties, u => u.Contains("assumed allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reports_sms_value_counts_for_text_messages_only()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, new RegisteredMethod("sms"));

        var combinations = result.SatisfiableCombinations.Select(c => c.Combination).ToList();
        Assert.Contains("password,sms", combinations);
        Assert.DoesNotContain("password,voice", combinations);
        Assert.DoesNotContain(result.Uncertainties, u => u.Contains("Unknown method kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Sms_sign_in_combination_needs_sms_sign_in_allowed_by_policy()
    {
        var policy = new UserMethodsPolicy(AllMethods) { SmsSignInAllowed = false };

        var result = Evaluate(Custom("sms"), policy, Mobile);

        Assert.Equal(StrengthOutcome.Impossible, result.OutcomeKind);
        var finding = Assert.Single(result.MethodsNotCounted);
        Assert.Equal(MethodReason.DisabledByPolicy, finding.ReasonKind);
        Assert.Contains("Sms:signIn", finding.Text, StringComparison.Ordinal);
        // Allowing SMS sign-in is enough: the user's phone then satisfies it, nothing to register.
        Assert.Equal(new[] { "Sms:signIn" }, result.PolicyChangesNeeded);
        Assert.Empty(result.MethodsToAddIfPolicyChanged);
        Assert.Equal("sms", result.CombinationToComplete);
        Assert.Contains("Sms:signIn", result.ImpossibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_sign_in_disabled_still_leaves_sms_as_a_second_factor_for_mfa()
    {
        var policy = new UserMethodsPolicy(AllMethods) { SmsSignInAllowed = false };

        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), policy, Mobile);

        Assert.Equal(new[] { "password,sms", "password,voice" }, result.SatisfiableCombinations.Select(c => c.Combination));
    }

    [Fact]
    public void Sms_sign_in_setting_not_given_is_assumed_allowed_and_said_so()
    {
        var result = Evaluate(Custom("sms"), new UserMethodsPolicy(AllMethods), Mobile);

        Assert.True(result.IsSatisfiable);
        Assert.Contains(result.Uncertainties, u => u.Contains("SMS sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public void Phone_with_a_type_the_table_does_not_list_falls_back_to_voice_only()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, new RegisteredMethod("phoneAuthenticationMethod") { PhoneType = "satellite" });

        Assert.Equal("password,voice", Assert.Single(result.SatisfiableCombinations).Combination);
        Assert.Contains(result.Uncertainties, u => u.Contains("phone's type", StringComparison.Ordinal));
    }

    [Fact]
    public void Sms_sign_in_needs_a_number_that_is_ready_for_it()
    {
        var phone = new RegisteredMethod("phoneAuthenticationMethod") { PhoneType = "mobile", SmsSignInState = "notEnabled" };

        var result = Evaluate(Custom("sms"), AllEnabled, phone);

        Assert.Equal(MethodReason.SmsSignInNotReady, Assert.Single(result.MethodsNotCounted).ReasonKind);
    }

    [Fact]
    public void Sms_disabled_by_policy_for_a_phone_only_user_suggests_the_authenticator_app()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), Without("Sms", "Voice"), Mobile);

        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.Equal(MethodReason.DisabledByPolicy, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal("Microsoft Authenticator (push notifications)", Assert.Single(result.MethodsToAdd).Label);
    }

    [Fact]
    public void Office_phone_needs_office_phones_allowed_in_the_voice_policy()
    {
        var denied = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, Office);
        var allowed = Evaluate(BuiltInStrengthTests.BuiltIn(2), new UserMethodsPolicy(AllMethods) { VoiceOfficePhoneAllowed = true }, Office);

        Assert.Equal(MethodReason.DisabledByPolicy, Assert.Single(denied.MethodsNotCounted).ReasonKind);
        Assert.Equal("password,voice", Assert.Single(allowed.SatisfiableCombinations).Combination);
    }

    [Fact]
    public void Authenticator_in_passwordless_only_mode_cannot_push()
    {
        var policy = new UserMethodsPolicy(AllMethods) { AuthenticatorMode = "deviceBasedPush" };

        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), policy, Push);

        Assert.Equal(MethodReason.DisabledByPolicy, Assert.Single(result.MethodsNotCounted).ReasonKind);
        // Push is out, so the cheapest registration is the passkey, not another Authenticator push.
        Assert.Equal("Passkey in Microsoft Authenticator", Assert.Single(result.MethodsToAdd).Label);
    }

    [Fact]
    public void Authenticator_codes_count_through_the_authenticator_policy_when_the_oath_policy_is_off()
    {
        var off = Evaluate(BuiltInStrengthTests.BuiltIn(2), Without("SoftwareOath"), SoftwareOath);
        var viaAuthenticator = Evaluate(BuiltInStrengthTests.BuiltIn(2), new UserMethodsPolicy(AllMethods.Where(m => m != "SoftwareOath")) { AuthenticatorSoftwareOathEnabled = true }, SoftwareOath);

        Assert.Equal(MethodReason.DisabledByPolicy, Assert.Single(off.MethodsNotCounted).ReasonKind);
        Assert.Equal("password,softwareOath", Assert.Single(viaAuthenticator.SatisfiableCombinations).Combination);
    }

    [Fact]
    public void Policy_that_disables_every_qualifying_method_is_impossible_with_the_change_that_would_fix_it()
    {
        var result = Evaluate(Custom("fido2"), Without("Fido2"));

        Assert.Equal(StrengthOutcome.Impossible, result.OutcomeKind);
        Assert.Empty(result.MethodsToAdd);
        Assert.Equal(new[] { "Fido2" }, result.PolicyChangesNeeded);
        Assert.Equal("Passkey in Microsoft Authenticator", Assert.Single(result.MethodsToAddIfPolicyChanged).Label);
        Assert.False(result.MethodsToAddIfPolicyChanged[0].EnabledByPolicy);
        Assert.StartsWith("The Authentication methods policy disables every method", result.ImpossibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_fido2_key_disabled_by_policy_needs_only_the_policy_change()
    {
        var result = Evaluate(Custom("fido2"), Without("Fido2"), Fido2());

        Assert.Equal(StrengthOutcome.Impossible, result.OutcomeKind);
        Assert.Equal(MethodReason.DisabledByPolicy, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal(new[] { "Fido2" }, result.PolicyChangesNeeded);
        Assert.Empty(result.MethodsToAddIfPolicyChanged);
    }

    [Fact]
    public void Phishing_resistant_with_fido2_and_certificates_disabled_still_offers_windows_hello_which_the_policy_does_not_govern()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(4), Without("Fido2", "X509Certificate"));

        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
        var add = Assert.Single(result.MethodsToAdd);
        Assert.Equal("Windows Hello for Business", add.Label);
        Assert.Equal("device", add.SetUpBy);
    }

    [Fact]
    public void Combination_of_an_unknown_future_mode_is_kept_and_never_satisfied()
    {
        var result = Evaluate(Custom("someFutureMode", "password,someOtherFutureMode"), AllEnabled, Push, Fido2());

        Assert.Equal(new[] { "someFutureMode", "password,someOtherFutureMode" }, result.Strength.AllowedCombinations);
        Assert.Equal(StrengthOutcome.Impossible, result.OutcomeKind);
        Assert.StartsWith("No method the user can register", result.ImpossibleReason, StringComparison.Ordinal);
        Assert.All(result.MethodsNotCounted, f => Assert.Equal(MethodReason.NotAllowedByStrength, f.ReasonKind));
    }

    [Fact]
    public void Certificate_restricted_by_issuer_or_policy_oid()
    {
        var strength = new AuthenticationStrength("4", "Smart cards", "custom", new[] { " x509CertificateMultiFactor " },
            new[] { new CombinationConfiguration(new[] { "x509CertificateMultiFactor" }, allowedIssuerSkis: new[] { "9A4248C6AC8C2931AB2A86537818E92E7B6C97B6" }, allowedPolicyOids: new[] { "1.2.3.4.6" }) });
        var otherIssuer = new RegisteredMethod("x509CertificateAuthenticationMethod") { CertificateBinding = "x509CertificateMultiFactor", CertificateIssuerSki = "BBBB" };
        var otherIssuerRightOid = new RegisteredMethod("x509CertificateAuthenticationMethod") { CertificateBinding = "x509CertificateMultiFactor", CertificateIssuerSki = "BBBB", CertificatePolicyOids = new[] { "1.2.3.4.6" } };

        var rejected = Evaluate(strength, AllEnabled, otherIssuer);
        var byIssuer = Evaluate(strength, AllEnabled, CertMulti);
        var byOid = Evaluate(strength, AllEnabled, otherIssuerRightOid);

        Assert.Equal(MethodReason.RestrictedByCombinationConfiguration, Assert.Single(rejected.MethodsNotCounted).ReasonKind);
        Assert.Equal("Certificate (multifactor binding)", Assert.Single(rejected.MethodsToAdd).Label);
        Assert.Contains("9A4248C6AC8C2931AB2A86537818E92E7B6C97B6", rejected.MethodsToAdd[0].Restriction, StringComparison.Ordinal);
        Assert.Equal("administrator", rejected.MethodsToAdd[0].SetUpBy);
        Assert.True(byIssuer.IsSatisfiable);
        Assert.True(byOid.IsSatisfiable);
    }

    [Fact]
    public void Certificate_binding_comes_from_the_policy_rules_when_not_given()
    {
        var policy = new UserMethodsPolicy(AllMethods) { X509BindingRules = new[] { new X509BindingRule("policyOID", "1.2.3.4.5", "x509CertificateMultiFactor") } };
        var smartCard = new RegisteredMethod("x509CertificateAuthenticationMethod") { CertificatePolicyOids = new[] { "1.2.3.4.5" } };
        var softCert = new RegisteredMethod("x509CertificateAuthenticationMethod") { CertificatePolicyOids = new[] { "9.9" } };

        Assert.True(Evaluate(BuiltInStrengthTests.BuiltIn(4), policy, smartCard).IsSatisfiable);
        Assert.Equal(MethodReason.NotAllowedByStrength, Assert.Single(Evaluate(BuiltInStrengthTests.BuiltIn(4), policy, softCert).MethodsNotCounted).ReasonKind);
    }

    [Fact]
    public void Password_and_sms_only_strength_rejects_the_authenticator_and_suggests_a_mobile_phone()
    {
        var result = Evaluate(Custom("password,sms"), AllEnabled, Push);

        Assert.Equal(MethodReason.NotAllowedByStrength, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal("Mobile phone (text message or voice call)", Assert.Single(result.MethodsToAdd).Label);
        Assert.Equal(new[] { "sms" }, result.MethodsToAdd[0].Modes);
    }

    [Fact]
    public void User_without_a_password_cannot_use_password_combinations()
    {
        var user = new StrengthUser { HasPassword = false };

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), new[] { Password, Mobile }, AllEnabled, user, StrengthData.BuiltIn);

        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.Equal(MethodReason.NeedsAnotherMethod, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal("Passkey in Microsoft Authenticator", Assert.Single(result.MethodsToAdd).Label);
    }

    [Fact]
    public void Federated_single_factor_pairs_with_a_second_factor()
    {
        var user = new StrengthUser { HasPassword = false, FederatedModes = new[] { "federatedSingleFactor" } };

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), new[] { Push }, AllEnabled, user, StrengthData.BuiltIn);

        Assert.Equal("microsoftAuthenticatorPush,federatedSingleFactor", Assert.Single(result.SatisfiableCombinations).Combination);
    }

    [Fact]
    public void Federated_multifactor_satisfies_mfa_alone()
    {
        var user = new StrengthUser { FederatedModes = new[] { "federatedMultiFactor" } };

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), Array.Empty<RegisteredMethod>(), AllEnabled, user, StrengthData.BuiltIn);

        Assert.Equal("federatedMultiFactor", Assert.Single(result.SatisfiableCombinations).Combination);
    }

    [Fact]
    public void Email_of_a_guest_is_their_sign_in_method_but_no_strength_allows_it()
    {
        var guest = new StrengthUser { IsGuest = true };

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), new[] { Email }, AllEnabled, guest, StrengthData.BuiltIn);

        Assert.Equal(MethodReason.NotAllowedByStrength, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Contains(result.Uncertainties, u => u.Contains("guest", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Guest_with_authenticator_push_satisfies_mfa_after_the_home_sign_in()
    {
        var guest = new StrengthUser { IsGuest = true };

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), new[] { Push }, AllEnabled, guest, StrengthData.BuiltIn);

        Assert.Equal("password,microsoftAuthenticatorPush", Assert.Single(result.SatisfiableCombinations).Combination);
        Assert.Contains(result.Uncertainties, u => u.Contains("cross-tenant", StringComparison.Ordinal));
    }

    [Fact]
    public void Authenticator_from_graph_says_phone_sign_in_is_unknown_for_passwordless()
    {
        var live = Evaluate(BuiltInStrengthTests.BuiltIn(3), AllEnabled, Push);
        var report = Evaluate(BuiltInStrengthTests.BuiltIn(3), AllEnabled, new RegisteredMethod("microsoftAuthenticatorPush"), new RegisteredMethod("microsoftAuthenticatorPasswordless"));

        Assert.Contains(live.Uncertainties, u => u.Contains("phone sign-in", StringComparison.Ordinal));
        Assert.Equal("deviceBasedPush", Assert.Single(report.SatisfiableCombinations).Combination);
        Assert.DoesNotContain(report.Uncertainties, u => u.Contains("phone sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public void Expired_temporary_access_pass_is_not_usable()
    {
        var expired = new RegisteredMethod("temporaryAccessPassAuthenticationMethod") { IsUsableOnce = true, IsUsable = false };

        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, expired);

        Assert.Equal(MethodReason.NotUsable, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Equal(StrengthOutcome.NeedsRegistration, result.OutcomeKind);
    }

    [Fact]
    public void Temporary_access_pass_kind_matters_for_a_one_time_only_strength()
    {
        var strength = Custom("temporaryAccessPassOneTime");

        Assert.True(Evaluate(strength, AllEnabled, TapOneTime).IsSatisfiable);
        Assert.Equal(MethodReason.NotAllowedByStrength, Assert.Single(Evaluate(strength, AllEnabled, TapMultiUse).MethodsNotCounted).ReasonKind);
        // TAP is issued by an administrator for bootstrap: never suggested as the method to register.
        Assert.Equal(StrengthOutcome.Impossible, Evaluate(strength, AllEnabled).OutcomeKind);
    }

    [Fact]
    public void Registration_report_values_map_like_graph_types_and_say_what_they_cannot_tell()
    {
        var report = new[] { "microsoftAuthenticatorPush", "softwareOneTimePasscode", "mobilePhone", "temporaryAccessPass" }.Select(v => new RegisteredMethod(v)).ToArray();

        var result = StrengthEvaluator.Evaluate(BuiltInStrengthTests.BuiltIn(2), report, AllEnabled);

        Assert.Equal(
            new[] { "temporaryAccessPassOneTime", "temporaryAccessPassMultiUse", "password,microsoftAuthenticatorPush", "password,softwareOath", "password,sms", "password,voice" },
            result.SatisfiableCombinations.Select(c => c.Combination));
        Assert.Contains(result.Uncertainties, u => u.Contains("one-time or multi-use", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_method_kind_is_reported_not_counted()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, new RegisteredMethod("#microsoft.graph.brandNewAuthenticationMethod"));

        Assert.Equal(MethodReason.UnknownMethodKind, Assert.Single(result.MethodsNotCounted).ReasonKind);
        Assert.Contains(result.Uncertainties, u => u.Contains("brandNewAuthenticationMethod", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_policy_treats_every_method_as_enabled_and_says_so()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), UserMethodsPolicy.Unknown, Mobile);

        Assert.True(result.IsSatisfiable);
        Assert.False(result.PolicyKnown);
        Assert.Contains(result.Uncertainties, u => u.Contains("policy was not available", StringComparison.Ordinal));
    }

    [Fact]
    public void Security_questions_and_app_passwords_have_no_mode()
    {
        var result = Evaluate(BuiltInStrengthTests.BuiltIn(2), AllEnabled, new RegisteredMethod("securityQuestion"), new RegisteredMethod("appPassword"));

        Assert.All(result.MethodsNotCounted, f => Assert.Equal(MethodReason.NoAuthenticationMode, f.ReasonKind));
    }

    [Fact]
    public void Platform_credential_counts_as_windows_hello_with_the_same_limitation()
    {
        var mac = new RegisteredMethod("#microsoft.graph.platformCredentialAuthenticationMethod") { DisplayName = "Alex's MacBook" };

        var result = Evaluate(BuiltInStrengthTests.BuiltIn(4), AllEnabled, mac);

        Assert.Equal("windowsHelloForBusiness", Assert.Single(result.SatisfiableCombinations).Combination);
        Assert.Equal(MethodReason.OnlyOnRegisteredDevice, Assert.Single(result.Limitations).ReasonKind);
        Assert.Contains("Alex's MacBook", result.Limitations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_inputs_give_the_same_answer()
    {
        var first = Evaluate(BuiltInStrengthTests.BuiltIn(3), AllEnabled, Push, Mobile, Email);
        var second = Evaluate(BuiltInStrengthTests.BuiltIn(3), AllEnabled, Push, Mobile, Email);

        Assert.Equal(first.MethodsToAdd.Select(s => s.ToString()), second.MethodsToAdd.Select(s => s.ToString()));
        Assert.Equal(first.MethodsNotCounted.Select(f => f.ToString()), second.MethodsNotCounted.Select(f => f.ToString()));
    }
}
