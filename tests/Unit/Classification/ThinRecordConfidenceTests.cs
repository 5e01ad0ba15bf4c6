using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>
/// Records that lack what a rule relies on: Graph v1.0 (no authentication details, requirement, protocol, token
/// types, user agent or event types; reference: the v1.0 signIn model has 23 properties) and beta read without
/// Policy.Read.All (no Conditional Access details). The classifier may still guess, but never with High confidence,
/// and each finding names the evidence it lacked.
/// </summary>
public class ThinRecordConfidenceTests
{
    /// <summary>What Get-MgAuditLogSignIn (v1.0) keeps of a sign-in: the beta-only fields are gone.</summary>
    private static SignInEvent AsGraphV1(SignInEvent e) => e.With(x =>
    {
        x.UserAgent = null;
        x.AuthenticationProtocol = null;
        x.IncomingTokenType = null;
        x.TokenIssuerType = null;
        x.SignInEventTypes = Array.Empty<string>();
        x.AuthenticationRequirement = null;
        x.AuthenticationRequirementPolicies = Array.Empty<AuthenticationRequirementPolicy>();
        x.AuthenticationDetails = Array.Empty<AuthenticationDetail>();
        x.SessionLifetimePolicies = Array.Empty<SessionLifetimePolicy>();
        x.AppliedConditionalAccessPolicies = x.AppliedConditionalAccessPolicies
            .Select(p => new AppliedConditionalAccessPolicy { Id = p.Id, DisplayName = p.DisplayName, Result = p.Result, EnforcedGrantControls = p.EnforcedGrantControls })
            .ToArray();
    });

    /// <summary>A cron script sending a password by ROPC, interrupted by a CA policy that requires MFA.</summary>
    private static SignInEvent HeadlessRopcScript() => Failure(50076)
        .App(AzureCli, "Microsoft Azure CLI")
        .Deviceless()
        .Policy("Require MFA for all users", "failure", new[] { "Mfa" })
        .RequiredBy("multiConditionalAccess")
        .With(e => { e.AuthenticationProtocol = "ropc"; e.UserAgent = "python-requests/2.31.0"; e.ClientAppUsed = "Mobile Apps and Desktop clients"; });

    [Fact]
    public void The_full_beta_record_of_a_headless_script_is_headless_with_high_confidence()
    {
        var failure = StrongAuthClassifier.Default.Classify(HeadlessRopcScript());

        Assert.Equal(FailureCause.HeadlessUserAccount, failure.CauseKind);
        Assert.Equal(Confidence.High, failure.ConfidenceKind);
        Assert.Empty(failure.MissingEvidence);
    }

    [Fact]
    public void A_v1_record_of_a_headless_script_is_not_a_high_confidence_step_up()
    {
        var failure = StrongAuthClassifier.Default.Classify(AsGraphV1(HeadlessRopcScript()));

        Assert.False(failure.CauseKind == FailureCause.PolicyStepUp && failure.ConfidenceKind == Confidence.High, failure.CauseKind + " " + failure.ConfidenceKind + " (" + failure.RuleId + ")");
        Assert.NotEqual(Confidence.High, failure.ConfidenceKind);
        Assert.Contains("authenticationProtocol", failure.MissingEvidence);
        Assert.Contains("userAgent", failure.MissingEvidence);
        Assert.Contains(failure.Evidence, e => e.Field == "authenticationProtocol" && e.Value is null);
    }

    [Fact]
    public void An_unsatisfiable_strength_read_without_Policy_Read_All_is_not_a_high_confidence_step_up()
    {
        var full = Failure(50076)
            .Policy("Phishing-resistant MFA for admins", "failure", null, "Phishing-resistant MFA", "cannotSatisfyDueToCombinationConfiguration")
            .RequiredBy("multiConditionalAccess");
        Assert.Equal(FailureCause.CannotSatisfyStrength, StrongAuthClassifier.Default.Classify(full).CauseKind);

        // Without Policy.Read.All Graph returns no policies although Conditional Access failed the sign-in.
        var hidden = full.With(e => { e.AppliedConditionalAccessPolicies = Array.Empty<AppliedConditionalAccessPolicy>(); e.ConditionalAccessStatus = "failure"; });
        var failure = StrongAuthClassifier.Default.Classify(hidden);

        Assert.NotEqual(Confidence.High, failure.ConfidenceKind);
        Assert.Equal(new[] { "appliedConditionalAccessPolicies" }, failure.MissingEvidence);
    }

    [Fact]
    public void Every_rule_that_decides_by_elimination_declares_the_evidence_that_would_have_said_otherwise()
    {
        // PolicyStepUp comes after the headless and silent rules: without their fields it is chosen by elimination.
        var stepUps = ClassificationData.BuiltIn.Rules.Rules.Where(r => r.Cause == FailureCause.PolicyStepUp && r.Id != "stepup-device-code").ToList();
        Assert.NotEmpty(stepUps);
        foreach (var rule in stepUps)
        {
            Assert.Contains("authenticationProtocol", rule.Requires);
            Assert.Contains("userAgent", rule.Requires);
            Assert.Contains("incomingTokenType", rule.Requires);
        }
    }
}
