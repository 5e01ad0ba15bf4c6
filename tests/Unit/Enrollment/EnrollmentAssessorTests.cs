using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Tests.Strength;
using Xunit;
using P = EntraStrongAuth.Tests.Strength.StrengthPersonas;

namespace EntraStrongAuth.Tests.Enrollment;

public class EnrollmentAssessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private static readonly EnrollmentAssessmentOptions Options = new(Now);

    private static AuthenticationStrength Mfa => StrengthData.BuiltIn.FindStrength(AuthenticationStrength.MultifactorId)!;

    private static AuthenticationStrength PhishingResistant => StrengthData.BuiltIn.FindStrength(AuthenticationStrength.PhishingResistantMfaId)!;

    private static UserMethodsSnapshot Live(params RegisteredMethod[] methods) =>
        new("u1", methods, MethodsSource.Live, Now) { UserPrincipalName = "alex@contoso.com", UserType = "member" };

    private static UserMethodsSnapshot Report(DateTimeOffset? asOf, bool? microsoftSaysCapable, params string[] methods) =>
        UserMethodsSnapshot.FromRegistration(new UserRegistration("u1", "alex@contoso.com")
        {
            UserType = "member",
            MethodsRegistered = methods,
            LastUpdatedDateTime = asOf,
            IsMfaCapable = microsoftSaysCapable,
        });

    [Fact]
    public void Push_and_phone_satisfy_mfa()
    {
        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Push, P.Mobile), Mfa, P.AllEnabled, Options);

        Assert.Equal(EnrollmentOutcome.Satisfiable, result.OutcomeKind);
        Assert.True(result.IsCapable);
        Assert.True(result.IsEnrolled);
        Assert.Contains(result.SatisfiableCombinations, c => c.StartsWith("password,microsoftAuthenticatorPush", StringComparison.Ordinal));
        Assert.Empty(result.MethodsToAdd);
        Assert.StartsWith("Nothing to register", result.Remedy.Single(), StringComparison.Ordinal);
        Assert.Equal("Multifactor authentication", result.Strength);
        Assert.Equal(AuthenticationStrength.MultifactorId, result.StrengthId);
        Assert.Null(result.DataAgeWarning);
        Assert.Same(result.Evaluation!.Strength, Mfa);
    }

    [Fact]
    public void Sms_only_needs_a_phishing_resistant_method_and_no_temporary_access_pass()
    {
        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Mobile), PhishingResistant, P.AllEnabled, Options);

        Assert.Equal(EnrollmentOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.False(result.IsCapable);
        Assert.True(result.IsEnrolled);
        Assert.NotEmpty(result.MethodsToAdd);
        Assert.Contains(result.Evaluation!.CombinationToComplete, new[] { "fido2", "windowsHelloForBusiness", "x509CertificateMultiFactor" });
        Assert.Contains(result.MethodsNotCounted, m => m.Contains("NotAllowedByStrength", StringComparison.Ordinal));
        Assert.Contains(result.Remedy, s => s.Contains(EnrollmentRemedy.SecurityInfoUrl, StringComparison.Ordinal) || s.Contains("device", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Remedy, s => s.Contains("Temporary Access Pass", StringComparison.Ordinal));
    }

    [Fact]
    public void Fido2_disabled_for_the_user_is_not_counted_with_the_reason()
    {
        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), PhishingResistant, P.Without("Fido2"), Options);

        Assert.NotEqual(EnrollmentOutcome.Satisfiable, result.OutcomeKind);
        var finding = Assert.Single(result.MethodsNotCounted, m => m.Contains("fido2AuthenticationMethod", StringComparison.Ordinal));
        Assert.Contains(nameof(MethodReason.DisabledByPolicy), finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strength_only_disabled_methods_fit_is_impossible_and_names_the_policy_change()
    {
        var keysOnly = new AuthenticationStrength("11111111-0000-0000-0000-000000000001", "Security keys only", "custom", new[] { "fido2" });

        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), keysOnly, P.Without("Fido2"), Options);

        Assert.Equal(EnrollmentOutcome.Impossible, result.OutcomeKind);
        Assert.Contains("Fido2", result.PolicyChangesNeeded);
        Assert.StartsWith("An administrator must change the Authentication methods policy", result.Remedy[0], StringComparison.Ordinal);
        Assert.Empty(result.MethodsToAdd);
    }

    [Fact]
    public void Built_in_phishing_resistant_stays_reachable_through_windows_hello_when_keys_and_certificates_are_disabled()
    {
        // Windows Hello for Business is not governed by the Authentication methods policy, so disabling FIDO2 and
        // certificates does not make the built-in strength impossible: the user is pointed at Hello instead.
        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), PhishingResistant, P.Without("Fido2", "X509Certificate"), Options);

        Assert.Equal(EnrollmentOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.Equal("windowsHelloForBusiness", result.Evaluation!.CombinationToComplete);
        Assert.Contains(result.MethodsNotCounted, m => m.Contains(nameof(MethodReason.DisabledByPolicy), StringComparison.Ordinal));
        Assert.Contains(result.Remedy, s => s.StartsWith("Set up Windows Hello for Business on the user's device", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_hello_counts_with_its_device_limit_stated()
    {
        var result = EnrollmentAssessor.Assess(Live(P.Hello), PhishingResistant, P.AllEnabled, Options);

        Assert.Equal(EnrollmentOutcome.Satisfiable, result.OutcomeKind);
        Assert.Contains(nameof(MethodReason.OnlyOnRegisteredDevice), Assert.Single(result.Limitations), StringComparison.Ordinal);
    }

    [Fact]
    public void Guest_with_email_one_time_passcode_only_is_not_enrolled_and_gets_no_temporary_access_pass()
    {
        var snapshot = new UserMethodsSnapshot("g1", new[] { P.Email }, MethodsSource.Live, Now) { UserType = "Guest" };

        var result = EnrollmentAssessor.Assess(snapshot, Mfa, P.AllEnabled, Options);
        var asMember = EnrollmentAssessor.Assess(new UserMethodsSnapshot("m1", new[] { P.Email }, MethodsSource.Live, Now) { UserType = "member" }, Mfa, P.AllEnabled, Options);

        Assert.False(result.IsEnrolled);
        Assert.DoesNotContain(result.Remedy, s => s.Contains("Temporary Access Pass", StringComparison.Ordinal));
        Assert.Contains(asMember.MethodsNotCounted, m => m.Contains(nameof(MethodReason.NotMfaCapable), StringComparison.Ordinal));
        Assert.DoesNotContain(result.MethodsNotCounted, m => m.Contains(nameof(MethodReason.NotMfaCapable), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(23, false)]
    [InlineData(25, true)]
    public void Report_older_than_a_day_is_flagged(int hoursOld, bool flagged)
    {
        var result = EnrollmentAssessor.Assess(Report(Now.AddHours(-hoursOld), null, "microsoftAuthenticatorPush"), Mfa, P.AllEnabled, Options);

        Assert.Equal(MethodsSource.RegistrationReport, result.DataSourceKind);
        Assert.Equal(Now.AddHours(-hoursOld), result.DataAsOf);
        Assert.Equal(flagged, result.DataAgeWarning is not null);
        if (flagged)
        {
            Assert.Contains("25 h old", result.DataAgeWarning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_of_unknown_age_is_flagged_but_live_data_is_not()
    {
        var report = EnrollmentAssessor.Assess(Report(null, null, "microsoftAuthenticatorPush"), Mfa, P.AllEnabled, Options);
        var live = EnrollmentAssessor.Assess(new UserMethodsSnapshot("u1", new[] { P.Push }, MethodsSource.Live, null), Mfa, P.AllEnabled, Options);

        Assert.Contains("unknown", report.DataAgeWarning, StringComparison.Ordinal);
        Assert.Null(live.DataAgeWarning);
        Assert.Contains(report.Uncertainties, u => u.Contains("registration report lags", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_policy_lowers_confidence_and_says_why()
    {
        var options = new EnrollmentAssessmentOptions(Now) { PolicyUnavailableReason = "403: Policy.Read.AuthenticationMethod was not granted" };

        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), PhishingResistant, UserMethodsPolicy.Unknown, options);

        Assert.Equal(Confidence.Low, result.ConfidenceKind);
        Assert.Contains(result.Uncertainties, u => u.Contains("Policy.Read.AuthenticationMethod", StringComparison.Ordinal));
        Assert.Contains(result.Uncertainties, u => u.Contains("treated as enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Known_policy_and_live_details_give_high_confidence_and_incomplete_membership_lowers_it()
    {
        var complete = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), PhishingResistant, P.AllEnabled, Options);
        var partial = EnrollmentAssessor.Assess(Live(P.Password, P.Fido2()), PhishingResistant, P.AllEnabled, new EnrollmentAssessmentOptions(Now) { MembershipComplete = false });

        Assert.Equal(Confidence.High, complete.ConfidenceKind);
        Assert.Empty(complete.Uncertainties);
        Assert.Equal(Confidence.Medium, partial.ConfidenceKind);
        Assert.Contains(partial.Uncertainties, u => u.Contains("group", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "Issue a Temporary Access Pass")]
    [InlineData(false, "Temporary Access Pass is not enabled")]
    public void No_methods_at_all_starts_the_remedy_with_a_temporary_access_pass(bool tapEnabled, string firstStep)
    {
        var policy = tapEnabled ? P.AllEnabled : P.Without("TemporaryAccessPass");

        var result = EnrollmentAssessor.Assess(Live(), Mfa, policy, Options);

        Assert.Equal(EnrollmentOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.False(result.IsEnrolled);
        Assert.Contains(firstStep, result.Remedy[0], StringComparison.Ordinal);
        Assert.Contains(EnrollmentRemedy.SecurityInfoUrl, result.Remedy[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_usable_temporary_access_pass_is_a_way_in_so_none_is_issued()
    {
        var result = EnrollmentAssessor.Assess(Live(P.TapOneTime), PhishingResistant, P.AllEnabled, Options);

        Assert.Equal(EnrollmentOutcome.NeedsRegistration, result.OutcomeKind);
        Assert.False(result.IsEnrolled);
        Assert.DoesNotContain(result.Remedy, s => s.Contains("Temporary Access Pass", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AuthenticationStrength.MultifactorId)]
    [InlineData(AuthenticationStrength.PasswordlessMfaId)]
    [InlineData(AuthenticationStrength.PhishingResistantMfaId)]
    public void Report_row_and_live_snapshot_of_the_same_user_agree(string strengthId)
    {
        var strength = StrengthData.BuiltIn.FindStrength(strengthId)!;
        var fromReport = EnrollmentAssessor.Assess(Report(Now, null, "microsoftAuthenticatorPush", "mobilePhone", "windowsHelloForBusiness"), strength, P.AllEnabled, Options);
        var live = EnrollmentAssessor.Assess(Live(P.Password, P.Push, P.Mobile, P.Hello), strength, P.AllEnabled, Options);

        Assert.Equal(live.Outcome, fromReport.Outcome);
        Assert.Equal(live.MethodsToAdd, fromReport.MethodsToAdd);
        Assert.Equal(live.IsEnrolled, fromReport.IsEnrolled);
        Assert.Equal(
            live.Evaluation!.SatisfiableCombinations.Select(c => c.Combination),
            fromReport.Evaluation!.SatisfiableCombinations.Select(c => c.Combination));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Report_that_disagrees_with_the_evaluation_is_stated_and_lowers_confidence(bool microsoftSays, bool disagrees)
    {
        var result = EnrollmentAssessor.Assess(Report(Now, microsoftSays, "mobilePhone"), PhishingResistant, P.AllEnabled, Options);

        Assert.Equal(microsoftSays, result.MicrosoftSaysCapable);
        Assert.Equal(disagrees, result.Uncertainties.Any(u => u.Contains("isMfaCapable", StringComparison.Ordinal)));
        Assert.Equal(disagrees ? Confidence.Low : Confidence.Medium, result.ConfidenceKind);
    }

    [Fact]
    public void Enrolled_means_a_strong_method_even_one_the_policy_disables()
    {
        var smsDisabled = EnrollmentAssessor.Assess(Live(P.Password, P.Mobile), Mfa, P.Without("Sms", "Voice"), Options);
        var weakOnly = EnrollmentAssessor.Assess(Live(P.Password, P.Email, P.TapOneTime), Mfa, P.AllEnabled, Options);

        Assert.True(smsDisabled.IsEnrolled);
        Assert.False(smsDisabled.IsCapable);
        Assert.False(weakOnly.IsEnrolled);
    }

    [Fact]
    public void Excluded_and_not_found_users_are_emitted_not_dropped()
    {
        var excluded = EnrollmentAssessor.Excluded(Live(P.Push), Mfa, EnrollmentExclusion.BreakGlass);
        var missing = EnrollmentAssessor.NotFound("nobody@contoso.com", Mfa, "the registration export users.csv");

        Assert.Equal(EnrollmentOutcome.NotEvaluated, excluded.OutcomeKind);
        Assert.Equal(EnrollmentExclusion.BreakGlass, excluded.ExcludedKind);
        Assert.Null(excluded.IsCapable);
        Assert.Contains("break-glass", excluded.NotEvaluatedReason, StringComparison.Ordinal);
        Assert.Equal(EnrollmentOutcome.NotEvaluated, missing.OutcomeKind);
        Assert.Equal("nobody@contoso.com", missing.UserPrincipalName);
        Assert.Contains("users.csv", missing.NotEvaluatedReason, StringComparison.Ordinal);
        Assert.Equal(Confidence.Low, missing.ConfidenceKind);
        Assert.Contains("not evaluated", missing.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_print_as_text()
    {
        var result = EnrollmentAssessor.Assess(Live(P.Password, P.Mobile), PhishingResistant, P.AllEnabled, Options);

        Assert.DoesNotContain("System.", result.MethodsRegistered.ToString(), StringComparison.Ordinal);
        Assert.Contains("phoneAuthenticationMethod", result.MethodsRegistered.ToString(), StringComparison.Ordinal);
        Assert.Contains("needs registration of", result.ToString(), StringComparison.Ordinal);
    }
}
