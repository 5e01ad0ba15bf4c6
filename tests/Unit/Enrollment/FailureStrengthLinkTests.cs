using System;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Strength;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

public class FailureStrengthLinkTests
{
    private static readonly AuthenticationStrength Custom = new("7d2c1f0a-0000-4000-8000-00000000abcd", "Contoso keys and Hello", "custom", new[] { "fido2", "windowsHelloForBusiness" });

    private static StrongAuthFailure Failure(FailureCause cause, string? strength) =>
        new(
            new FailureClassification(new SignInEvent { UserPrincipalName = "alex@contoso.com", ErrorCode = 50079 }, null, cause, Confidence.High, Array.Empty<Evidence>(), Array.Empty<string>())
            {
                AuthenticationStrength = strength,
            },
            FailureOutcome.Unresolved);

    [Theory]
    [InlineData("Multifactor authentication", AuthenticationStrength.MultifactorId)]
    [InlineData("00000000-0000-0000-0000-000000000002", AuthenticationStrength.MultifactorId)]
    [InlineData("Passwordless MFA", AuthenticationStrength.PasswordlessMfaId)]
    [InlineData("passwordless mfa", AuthenticationStrength.PasswordlessMfaId)]
    [InlineData("00000000-0000-0000-0000-000000000003", AuthenticationStrength.PasswordlessMfaId)]
    [InlineData("Phishing-resistant MFA", AuthenticationStrength.PhishingResistantMfaId)]
    [InlineData("Phishing resistant MFA", AuthenticationStrength.PhishingResistantMfaId)]
    [InlineData("00000000-0000-0000-0000-000000000004", AuthenticationStrength.PhishingResistantMfaId)]
    [InlineData("Contoso keys and Hello", "7d2c1f0a-0000-4000-8000-00000000abcd")]
    [InlineData("7D2C1F0A-0000-4000-8000-00000000ABCD", "7d2c1f0a-0000-4000-8000-00000000abcd")]
    public void Failure_names_a_known_strength(string named, string expectedId)
    {
        var choice = FailureStrengthLink.ForFailure(Failure(FailureCause.CannotSatisfyStrength, named), new[] { Custom });

        Assert.Equal(expectedId, choice.Strength!.Id);
        Assert.False(choice.IsFallback);
        Assert.True(choice.CauseIsEnrollment);
    }

    [Theory]
    [InlineData("Fabrikam strongest")]
    [InlineData(null)]
    public void Unknown_or_missing_strength_falls_back_to_mfa_and_says_so(string? named)
    {
        var choice = FailureStrengthLink.ForFailure(Failure(FailureCause.IncompleteEnrollment, named), Array.Empty<AuthenticationStrength>());

        Assert.Equal(AuthenticationStrength.MultifactorId, choice.Strength!.Id);
        Assert.True(choice.IsFallback);
        Assert.Contains(named ?? "names no authentication strength", choice.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureCause.IncompleteEnrollment, true)]
    [InlineData(FailureCause.CannotSatisfyStrength, true)]
    [InlineData(FailureCause.MfaAttemptFailed, false)]
    [InlineData(FailureCause.HeadlessUserAccount, false)]
    [InlineData(FailureCause.PolicyStepUp, false)]
    public void Only_enrollment_causes_link_and_others_carry_a_note(FailureCause cause, bool links)
    {
        var choice = FailureStrengthLink.ForFailure(Failure(cause, "Passwordless MFA"), Array.Empty<AuthenticationStrength>());

        Assert.Equal(links, FailureStrengthLink.IsEnrollmentCause(cause));
        Assert.Equal(links, choice.CauseIsEnrollment);
        Assert.Equal(!links, choice.Reason.Contains("not enrollment", StringComparison.Ordinal));
        Assert.Equal(AuthenticationStrength.PasswordlessMfaId, choice.Strength!.Id);
    }

    [Fact]
    public void A_tenant_copy_of_a_built_in_wins_over_the_shipped_one()
    {
        var tenantMfa = new AuthenticationStrength(AuthenticationStrength.MultifactorId, "Multifactor authentication", "builtIn", new[] { "password,microsoftAuthenticatorPush" });

        var found = FailureStrengthLink.Find("Multifactor authentication", new[] { tenantMfa });

        Assert.Same(tenantMfa, found);
    }

    [Fact]
    public void Policy_with_a_strength_demands_that_strength()
    {
        var policy = new StrongAuthPolicy("p1", "Admins: phishing-resistant", "enabled") { AuthenticationStrengthId = AuthenticationStrength.PhishingResistantMfaId };

        var choice = FailureStrengthLink.ForPolicy(policy, Array.Empty<AuthenticationStrength>());

        Assert.Equal(AuthenticationStrength.PhishingResistantMfaId, choice.Strength!.Id);
    }

    [Fact]
    public void Policy_that_requires_mfa_demands_built_in_mfa()
    {
        var policy = new StrongAuthPolicy("p2", "All users: MFA", "enabled") { BuiltInControls = new[] { "mfa" } };

        var choice = FailureStrengthLink.ForPolicy(policy, Array.Empty<AuthenticationStrength>());

        Assert.Equal(AuthenticationStrength.MultifactorId, choice.Strength!.Id);
        Assert.False(choice.IsFallback);
    }

    [Theory]
    [InlineData("9a9a9a9a-0000-0000-0000-000000000000", "whose definition was not read")]
    [InlineData(null, "neither MFA nor")]
    public void Policy_without_a_resolvable_strength_gives_none_with_the_reason(string? strengthId, string reason)
    {
        var policy = new StrongAuthPolicy("p3", "Compliant devices", "enabled") { AuthenticationStrengthId = strengthId, BuiltInControls = new[] { "compliantDevice" } };

        var choice = FailureStrengthLink.ForPolicy(policy, new[] { Custom });

        Assert.Null(choice.Strength);
        Assert.Contains(reason, choice.Reason, StringComparison.Ordinal);
    }
}
