using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>The remedy fits who signed in: a member, a guest, or a script.</summary>
public class SubjectRemedyTests
{
    private const string Home = "2a4f0d5e-6c1b-4d8e-9f3a-7b5c1e2d3f40";
    private const string Partner = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    private static bool SaysGuest(StrongAuthFailure f) =>
        f.Remedy.Any(line => line.Contains("as a guest", StringComparison.OrdinalIgnoreCase) && !line.Contains("do not invite", StringComparison.OrdinalIgnoreCase))
        || f.Remedy.Any(line => line.Contains("as an external (guest) user", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_16000_of_a_member_in_their_home_tenant_resolved_seconds_later_is_a_benign_interrupt_that_never_says_invite_a_guest()
    {
        var failure = Failure(16000).With(e => { e.HomeTenantId = Home; e.ResourceTenantId = Home; e.CrossTenantAccessType = "none"; });
        var success = Success(12).Linked(failure).With(s => s.OriginalRequestId = NewId());

        // 16000 is outside the default strong-auth family; an admin who asks for it (-ErrorCode) gets this.
        var options = AnalyzerRun.Options();
        options.ErrorCodes = StrongAuthAnalyzerOptions.DefaultErrorCodes(StrongAuthClassifier.Default.Catalog).Append(16000).ToList();

        var result = AnalyzerRun.Single(new[] { failure, success }, options);

        Assert.Equal(FailureCause.BenignInterrupt, result.CauseKind);
        Assert.Equal(FailureCause.SilentAuthInteractionRequired, result.ReclassifiedFromKind);
        Assert.Equal("correlationId", result.ResolutionLink);
        Assert.False(SaysGuest(result), string.Join("\n", result.Remedy));
    }

    [Fact]
    public void A_16000_left_unresolved_in_the_home_tenant_tells_the_admin_not_to_invite_a_guest()
    {
        var result = StrongAuthClassifier.Default.Classify(Failure(16000).With(e => e.CrossTenantAccessType = "none"));

        Assert.Equal(FailureCause.SilentAuthInteractionRequired, result.CauseKind);
        Assert.Contains(result.Evidence, e => e.Field == "crossTenantAccessType" && e.Value == "none");
        Assert.StartsWith("The user is a member of this tenant: do not invite them as a guest.", result.Remedy[0], StringComparison.Ordinal);
        Assert.False(SaysGuest(result), string.Join("\n", result.Remedy));
    }

    [Fact]
    public void A_90072_of_a_user_in_their_home_tenant_stays_Other_but_drops_the_guest_invitation()
    {
        var result = StrongAuthClassifier.Default.Classify(Failure(90072).With(e => { e.HomeTenantId = Home; e.ResourceTenantId = Home; }));

        Assert.Equal(FailureCause.Other, result.CauseKind);
        Assert.Contains("do not invite them as a guest", result.Remedy[0], StringComparison.Ordinal);
        Assert.False(SaysGuest(result), string.Join("\n", result.Remedy));
        Assert.Contains(result.Evidence, e => e.Field == "homeTenantId" && e.Value == Home + " = resourceTenantId " + Home);
    }

    [Fact]
    public void A_90072_of_a_guest_keeps_the_catalog_advice_to_add_the_external_user()
    {
        var result = StrongAuthClassifier.Default.Classify(Failure(90072).With(e => { e.HomeTenantId = Partner; e.ResourceTenantId = Home; e.CrossTenantAccessType = "b2bCollaboration"; }));

        Assert.Equal(FailureCause.Other, result.CauseKind);
        Assert.Contains(result.Remedy, line => line.Contains("external (guest) user", StringComparison.Ordinal));
    }

    [Fact]
    public void A_silent_interrupt_the_export_marks_interactive_then_resolved_in_the_same_correlation_is_benign_not_Other()
    {
        var failure = Failure(50058).With(e => e.FailureReason = "A silent sign-in request was sent but no user is signed in.");
        var success = Success(4).Linked(failure).With(s => s.OriginalRequestId = NewId());

        var result = AnalyzerRun.Single(new[] { failure, success });

        Assert.Equal(FailureCause.BenignInterrupt, result.CauseKind);
        Assert.Equal(FailureCause.SilentAuthInteractionRequired, result.ReclassifiedFromKind);
        Assert.Contains(result.Evidence, e => e.Field == "status.failureReason");
    }

    [Fact]
    public void A_script_that_has_no_MFA_method_is_told_to_move_to_a_workload_identity_not_to_register_one()
    {
        // 500121 with "no verification methods registered" from curl: the enrollment rule decides, the subject is a script.
        var signIn = Failure(500121).Deviceless().With(e => e.UserAgent = "curl/8.5.0")
            .Step("Password", "Primary authentication", true, "Correct password")
            .Step("Text message", "Multifactor authentication", false, "User doesn't have any verification methods registered");

        var result = StrongAuthClassifier.Default.Classify(signIn);

        Assert.Equal(FailureCause.IncompleteEnrollment, result.CauseKind);
        Assert.DoesNotContain(result.Remedy, line => line.Contains("mysignins", StringComparison.Ordinal) || line.Contains("aka.ms/mfasetup", StringComparison.Ordinal));
        Assert.Contains("workload identity", result.Remedy[0], StringComparison.Ordinal);
        Assert.Contains(result.Remedy, line => line.Contains("managed identity", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Field == "userAgent" && e.Value == "curl/8.5.0");
    }

    [Fact]
    public void A_script_whose_MFA_attempt_failed_is_not_told_to_switch_to_the_Authenticator_app()
    {
        var signIn = Failure(500121).Deviceless().With(e => { e.UserAgent = "python-requests/2.31.0"; e.AuthenticationProtocol = "ropc"; });

        var result = StrongAuthClassifier.Default.Classify(signIn);

        Assert.Equal(FailureCause.MfaAttemptFailed, result.CauseKind);
        Assert.DoesNotContain(result.Remedy, line => line.Contains("Authenticator", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Field == "authenticationProtocol" && e.Value == "ropc");
    }

    [Fact]
    public void A_guest_who_must_register_MFA_is_told_that_MFA_comes_from_the_home_tenant_by_cross_tenant_trust()
    {
        var result = StrongAuthClassifier.Default.Classify(Failure(50079).With(e => { e.UserType = "guest"; e.HomeTenantId = Partner; e.ResourceTenantId = Home; }));

        Assert.Equal(FailureCause.IncompleteEnrollment, result.CauseKind);
        Assert.Contains("home tenant " + Partner, result.Remedy[0], StringComparison.Ordinal);
        Assert.Contains("Cross-tenant access settings", result.Remedy[0], StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Field == "homeTenantId" && e.Value == Partner + " ≠ resourceTenantId " + Home);
    }

    [Fact]
    public void A_member_who_must_register_MFA_gets_no_cross_tenant_advice()
    {
        var result = StrongAuthClassifier.Default.Classify(Failure(50079).With(e => { e.HomeTenantId = Home; e.ResourceTenantId = Home; }));

        Assert.DoesNotContain(result.Remedy, line => line.Contains("Cross-tenant", StringComparison.Ordinal));
        Assert.Contains(result.Remedy, line => line.Contains("mysignins", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stale_session_cites_the_records_own_session_lifetime_and_session_controls()
    {
        var signIn = Failure(50078)
            .With(e => e.SessionLifetimePolicies = new[] { new SessionLifetimePolicy { ExpirationRequirement = "signInFrequencyPeriodicReauthentication", Detail = "Sign-in frequency: 4 hours" } })
            .Policy("Admins: sign-in every 4 hours", "success", new[] { "Mfa" })
            .With(e => e.AppliedConditionalAccessPolicies = e.AppliedConditionalAccessPolicies.Select((p, i) => i == 1 ? Controls(p, "SignInFrequency") : p).ToList());

        var result = StrongAuthClassifier.Default.Classify(signIn);

        Assert.Equal(FailureCause.StaleSessionClaims, result.CauseKind);
        Assert.Contains(result.Evidence, e => e.Field == "sessionLifetimePolicies[0].expirationRequirement" && e.Value == "signInFrequencyPeriodicReauthentication" && e.Reason.Contains("Sign-in frequency: 4 hours", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Field == "appliedConditionalAccessPolicies[1].enforcedSessionControls" && e.Value == "SignInFrequency" && e.Reason.Contains("Admins: sign-in every 4 hours", StringComparison.Ordinal));
    }

    private static AppliedConditionalAccessPolicy Controls(AppliedConditionalAccessPolicy policy, string control)
    {
        policy.EnforcedSessionControls = new[] { control };
        return policy;
    }
}
