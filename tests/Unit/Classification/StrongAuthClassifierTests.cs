using System.Linq;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

public class StrongAuthClassifierTests
{
    private const string StrengthResult = "appliedConditionalAccessPolicies[1].authenticationStrength.authenticationStrengthResult";

    public static TheoryData<ClassifierCase> Cases() => new()
    {
        // 50074: an interrupt. Interactive → step-up; silent → the app must go interactive.
        new("50074 interactive, CA requires MFA", () => Failure(50074).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" }),
            FailureCause.PolicyStepUp, Confidence.High, "stepup-ca-mfa-grant", "appliedConditionalAccessPolicies[1].enforcedGrantControls", "Mfa"),
        new("50074 silent refresh by Office desktop", () => Failure(50074).Silent().App(MicrosoftOffice, "Microsoft Office"),
            FailureCause.SilentAuthInteractionRequired, Confidence.High, "silent-non-interactive", "isInteractive", "false"),
        new("50074 interactive, strength challenge", () => Failure(50074).Policy("Phishing-resistant MFA for admins", "failure", null, "Phishing-resistant MFA", "singleChallengeRequired"),
            FailureCause.PolicyStepUp, Confidence.High, "stepup-strength-challenge", StrengthResult, "singleChallengeRequired"),
        new("50074 sign-in frequency", () => Failure(50074).SessionLifetime("signInFrequencyPeriodicReauthentication"),
            FailureCause.StaleSessionClaims, Confidence.High, "stale-sign-in-frequency", "sessionLifetimePolicies[0].expirationRequirement", "signInFrequencyPeriodicReauthentication"),
        new("50074 from curl on no device", () => Failure(50074).Deviceless().With(e => e.UserAgent = "curl/8.5.0"),
            FailureCause.HeadlessUserAccount, Confidence.Medium, "headless-scripting-user-agent", "userAgent", "curl/8.5.0"),
        new("50074 nothing known of the client, CA hidden", () => Failure(50074).NoConditionalAccessDetail().With(e => { e.IsInteractive = null; e.SignInEventTypes = System.Array.Empty<string>(); e.IncomingTokenType = null; }),
            FailureCause.PolicyStepUp, Confidence.Low, "stepup-code-only", "appliedConditionalAccessPolicies", null),
        new("50074 NPS extension MFA", () => Failure(50074).With(e => e.TokenIssuerType = "NPSExtension"),
            FailureCause.ExternalOrFederatedMfa, Confidence.High, "federated-mfa-adapter", "tokenIssuerType", "NPSExtension"),

        // 50076: MFA required now. Interactive → step-up; silent → interactive fallback; script → headless.
        new("50076 interactive, strength multiple challenges", () => Failure(50076).Policy("Require MFA strength", "failure", null, "Multifactor authentication", "multipleChallengesRequired"),
            FailureCause.PolicyStepUp, Confidence.High, "stepup-strength-challenge", StrengthResult, "multipleChallengesRequired"),
        new("50076 interactive, the record does not say what demanded MFA", () => Failure(50076),
            FailureCause.PolicyStepUp, Confidence.Medium, "stepup-interactive", "authenticationRequirementPolicies", null),
        new("50076 per-user MFA", () => Failure(50076).RequiredBy("user"),
            FailureCause.PolicyStepUp, Confidence.High, "stepup-requirement-provider", "authenticationRequirementPolicies[0].requirementProvider", "user"),
        new("50076 security defaults", () => Failure(50076).RequiredBy("securityDefaults"),
            FailureCause.PolicyStepUp, Confidence.High, "stepup-requirement-provider", "authenticationRequirementPolicies[0].requirementProvider", "securityDefaults"),
        new("50076 silent with the primary refresh token", () => Failure(50076).Silent("primaryRefreshToken"),
            FailureCause.SilentAuthInteractionRequired, Confidence.High, "silent-non-interactive", "incomingTokenType", "primaryRefreshToken"),
        new("50076 silent refresh by Visual Studio Code", () => Failure(50076).Silent().App(VisualStudioCode, "Visual Studio Code"),
            FailureCause.SilentAuthInteractionRequired, Confidence.High, "silent-non-interactive", "appId", VisualStudioCode),
        new("50076 refresh token, interactivity unknown", () => Failure(50076).With(e => { e.IsInteractive = null; e.SignInEventTypes = System.Array.Empty<string>(); e.IncomingTokenType = "refreshToken"; }),
            FailureCause.SilentAuthInteractionRequired, Confidence.Medium, "silent-refresh-token-unknown-interactivity", "incomingTokenType", "refreshToken"),
        new("50076 ROPC from a Python script with Azure CLI's app id", () => Failure(50076).App(AzureCli, "Microsoft Azure CLI").Deviceless().With(e => { e.AuthenticationProtocol = "ropc"; e.UserAgent = "python-requests/2.31.0"; e.ClientAppUsed = "Mobile Apps and Desktop clients"; }),
            FailureCause.HeadlessUserAccount, Confidence.High, "headless-ropc", "authenticationProtocol", "ropc"),
        new("50076 Azure PowerShell refresh on no device", () => Failure(50076).Silent().App(AzurePowerShell, "Microsoft Azure PowerShell").Deviceless().With(e => e.UserAgent = null),
            FailureCause.HeadlessUserAccount, Confidence.Medium, "headless-automation-app-deviceless", "appId", AzurePowerShell),
        new("50076 Windows PowerShell Invoke-RestMethod, also Graph tools on no device", () => Failure(50076).Silent().App(GraphCommandLineTools, "Microsoft Graph Command Line Tools").Deviceless().With(e => e.UserAgent = "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1237"),
            FailureCause.HeadlessUserAccount, Confidence.High, "headless-scripting-user-agent", "userAgent", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1237"),
        new("50076 curl user agent", () => Failure(50076).Deviceless().With(e => e.UserAgent = "curl/8.5.0"),
            FailureCause.HeadlessUserAccount, Confidence.Medium, "headless-scripting-user-agent", "userAgent", "curl/8.5.0"),
        new("50076 IMAP (legacy protocol)", () => Failure(50076).With(e => { e.ClientAppUsed = "IMAP4"; e.UserAgent = null; }),
            FailureCause.HeadlessUserAccount, Confidence.Medium, "headless-legacy-client", "clientAppUsed", "IMAP4"),
        new("50076 strength cannot be satisfied", () => Failure(50076).Policy("Phishing-resistant MFA for admins", "failure", null, "Phishing-resistant MFA", "cannotSatisfyDueToCombinationConfiguration"),
            FailureCause.CannotSatisfyStrength, Confidence.High, "strength-cannot-satisfy", StrengthResult, "cannotSatisfyDueToCombinationConfiguration"),
        new("50076 registration required by security defaults", () => Failure(50076).RequiredBy("mfaRegistrationRequiredBySecurityDefaults"),
            FailureCause.IncompleteEnrollment, Confidence.High, "registration-required-by-policy", "authenticationRequirementPolicies[0].requirementProvider", "mfaRegistrationRequiredBySecurityDefaults"),
        new("50076 risk-based requirement", () => Failure(50076).RequiredBy("riskBasedPolicy"),
            FailureCause.StaleSessionClaims, Confidence.Medium, "stale-risk", "authenticationRequirementPolicies[0].requirementProvider", "riskBasedPolicy"),
        new("50076 device code flow, interactivity unknown", () => Failure(50076).With(e => { e.IsInteractive = null; e.SignInEventTypes = System.Array.Empty<string>(); e.AuthenticationProtocol = "deviceCode"; }),
            FailureCause.PolicyStepUp, Confidence.Medium, "stepup-device-code", "authenticationProtocol", "deviceCode"),
        new("50076 MFA claim from the federated IdP", () => Failure(50076).With(e => { e.TokenIssuerType = "ADFederationServices"; e.AdditionalDetails = "MFA requirement satisfied by claim in the token"; }),
            FailureCause.ExternalOrFederatedMfa, Confidence.Medium, "federated-claim", "status.additionalDetails", "MFA requirement satisfied by claim in the token"),

        // 50079: MFA required and the user is not registered; federated → the IdP must send the claim.
        new("50079 managed user, interactive", () => Failure(50079),
            FailureCause.IncompleteEnrollment, Confidence.High, "enrollment-codes", "status.errorCode", "50079"),
        new("50079 managed user, silent", () => Failure(50079).Silent(),
            FailureCause.IncompleteEnrollment, Confidence.High, "enrollment-codes", "status.errorCode", "50079"),
        new("50079 federated by AD FS", () => Failure(50079).With(e => e.TokenIssuerType = "ADFederationServices"),
            FailureCause.ExternalOrFederatedMfa, Confidence.High, "federated-enrollment", "tokenIssuerType", "ADFederationServices"),
        new("50079 strength registration required", () => Failure(50079).Policy("Phishing-resistant MFA for admins", "failure", null, "Phishing-resistant MFA", "singleRegistrationRequired"),
            FailureCause.IncompleteEnrollment, Confidence.High, "strength-registration-required", StrengthResult, "singleRegistrationRequired"),
        new("50079 from a script by ROPC", () => Failure(50079).Deviceless().With(e => { e.AuthenticationProtocol = "ropc"; e.UserAgent = "python-requests/2.31.0"; }),
            FailureCause.HeadlessUserAccount, Confidence.High, "headless-ropc", "userAgent", "python-requests/2.31.0"),

        // Relatives.
        new("50072 enrollment interrupt", () => Failure(50072),
            FailureCause.IncompleteEnrollment, Confidence.High, "enrollment-codes", "status.errorCode", "50072"),
        new("53004 proof-up blocked by risk", () => Failure(53004),
            FailureCause.IncompleteEnrollment, Confidence.Medium, "enrollment-blocked", "status.errorCode", "53004"),
        new("500121 user declined", () => Failure(500121).Step("Password", "Primary authentication", true, "Correct password").Step("Mobile app notification", "Multifactor authentication", false, "User declined the authentication"),
            FailureCause.MfaAttemptFailed, Confidence.High, "mfa-denied-detail", "authenticationDetails[1].authenticationStepResultDetail", "User declined the authentication"),
        // Without the steps, "no method registered" (enrollment-no-methods-detail) cannot be ruled out: not High.
        new("500121 without step details", () => Failure(500121),
            FailureCause.MfaAttemptFailed, Confidence.Medium, "mfa-denied", "status.errorCode", "500121"),
        new("500121 no methods registered", () => Failure(500121).Step("Password", "Primary authentication", true, "Correct password").Step("Text message", "Multifactor authentication", false, "User doesn't have any verification methods registered"),
            FailureCause.IncompleteEnrollment, Confidence.High, "enrollment-no-methods-detail", "authenticationDetails[1].authenticationStepResultDetail", "User doesn't have any verification methods registered"),
        new("50087 MFA service transient", () => Failure(50087),
            FailureCause.MfaAttemptFailed, Confidence.Medium, "mfa-service-transient", "status.errorCode", "50087"),
        new("50158 external security challenge", () => Failure(50158),
            FailureCause.ExternalOrFederatedMfa, Confidence.High, "external-security-challenge", "status.errorCode", "50158"),
        // 90072 says the external account does not exist in the resource tenant (Microsoft's table; the real
        // msticpy rows): an account problem, so the catalog entry explains it rather than an MFA cause.
        new("90072 guest not in the tenant", () => Failure(90072).With(e => e.UserType = "guest"),
            FailureCause.Other, Confidence.Medium, null, "status.errorCode", "90072"),
        new("50140 keep me signed in", () => Failure(50140),
            FailureCause.BenignInterrupt, Confidence.High, "benign-kmsi-cmsi", "status.errorCode", "50140"),
        new("50199 redirect confirmation", () => Failure(50199),
            FailureCause.BenignInterrupt, Confidence.High, "benign-kmsi-cmsi", "status.errorCode", "50199"),
        new("50058 on a silent request", () => Failure(50058).Silent(),
            FailureCause.SilentAuthInteractionRequired, Confidence.High, "silent-non-interactive", "isInteractive", "false"),
        new("50058 interactive is not strong auth", () => Failure(50058),
            FailureCause.Other, Confidence.Medium, null, "status.errorCode", "50058"),
        new("50058 marked interactive, but the failure reason says a silent sign-in was sent", () => Failure(50058).With(e => e.FailureReason = "A silent sign-in request was sent but no user is signed in."),
            FailureCause.SilentAuthInteractionRequired, Confidence.Medium, "silent-failure-reason", "status.failureReason", "A silent sign-in request was sent but no user is signed in."),
        new("16000 on a member in their home tenant", () => Failure(16000).With(e => { e.HomeTenantId = "2a4f0d5e-6c1b-4d8e-9f3a-7b5c1e2d3f40"; e.ResourceTenantId = "2A4F0D5E-6C1B-4D8E-9F3A-7B5C1E2D3F40"; }),
            FailureCause.SilentAuthInteractionRequired, Confidence.Medium, "home-tenant-account-interaction", "homeTenantId", "2a4f0d5e-6c1b-4d8e-9f3a-7b5c1e2d3f40 = resourceTenantId 2A4F0D5E-6C1B-4D8E-9F3A-7B5C1E2D3F40"),
        new("50126 bad password is outside the family", () => Failure(50126),
            FailureCause.Other, Confidence.Medium, null, "status.errorCode", "50126"),
        new("an unknown code", () => Failure(9999991),
            FailureCause.Other, Confidence.Low, null, "status.errorCode", "9999991"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifies_each_situation(ClassifierCase c)
    {
        var failure = StrongAuthClassifier.Default.Classify(c.SignIn());

        Assert.Equal(c.Cause, failure.CauseKind);
        Assert.Equal(c.Confidence, failure.ConfidenceKind);
        Assert.Equal(c.Rule, failure.RuleId);
        Assert.Contains(failure.Evidence, e => e.Field == c.Field && e.Value == c.Value);
        Assert.NotEmpty(failure.Remedy);
        Assert.Equal("status.errorCode", failure.Evidence[0].Field);
    }

    [Fact]
    public void Every_deciding_rule_of_the_shipped_table_is_exercised_by_a_case()
    {
        // Rules whose id ends in -support only add evidence: an earlier rule of the same cause always matches first.
        var deciding = ClassificationData.BuiltIn.Rules.Rules.Select(r => r.Id).Where(id => !id.EndsWith("-support", System.StringComparison.Ordinal));
        var exercised = Cases().Cast<object[]>().Select(row => ((ClassifierCase)row[0]).Rule).Append("stale-session-codes");

        Assert.Empty(deciding.Except(exercised));
    }

    [Theory]
    [InlineData(50078)]
    [InlineData(70043)]
    [InlineData(70044)]
    [InlineData(50173)]
    [InlineData(50132)]
    [InlineData(50133)]
    [InlineData(700082)]
    public void Expired_or_revoked_session_codes_are_stale_claims_even_on_silent_requests(int code)
    {
        var failure = StrongAuthClassifier.Default.Classify(Failure(code).Silent());

        Assert.Equal(FailureCause.StaleSessionClaims, failure.CauseKind);
        Assert.Equal(Confidence.High, failure.ConfidenceKind);
        Assert.Equal("stale-session-codes", failure.RuleId);
    }

    [Fact]
    public void Hidden_conditional_access_is_said_and_lowers_confidence()
    {
        var visible = StrongAuthClassifier.Default.Classify(Failure(50076).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" }));
        var hidden = StrongAuthClassifier.Default.Classify(Failure(50076).NoConditionalAccessDetail());

        Assert.Equal(FailureCause.PolicyStepUp, visible.CauseKind);
        Assert.Equal(Confidence.High, visible.ConfidenceKind);
        Assert.Equal(FailureCause.PolicyStepUp, hidden.CauseKind);
        Assert.Equal(Confidence.Medium, hidden.ConfidenceKind);
        var absent = Assert.Single(hidden.Evidence, e => e.Field == "appliedConditionalAccessPolicies");
        Assert.Null(absent.Value);
        Assert.Contains("Policy.Read.All", absent.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_only_policy_is_not_the_cause_but_is_listed()
    {
        var failure = StrongAuthClassifier.Default.Classify(
            Failure(50076).RequiredBy("user").Policy("Pilot: phishing-resistant MFA", "reportOnlyInterrupted", null, "Phishing-resistant MFA", "singleChallengeRequired"));

        Assert.Equal("stepup-requirement-provider", failure.RuleId);
        Assert.DoesNotContain(failure.Evidence, e => e.Field.Contains("authenticationStrengthResult", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "Pilot: phishing-resistant MFA" }, failure.ConditionalAccessPolicies);
        Assert.Equal("Phishing-resistant MFA", failure.AuthenticationStrength);
        Assert.Equal("singleChallengeRequired", failure.AuthenticationStrengthResult);
    }

    [Fact]
    public void The_interrupting_policy_is_named_in_the_evidence_whatever_the_cause()
    {
        var failure = StrongAuthClassifier.Default.Classify(
            Failure(50076).Silent().Policy("Require MFA for Azure management", "failure", new[] { "Mfa" }));

        Assert.Equal(FailureCause.SilentAuthInteractionRequired, failure.CauseKind);
        var policy = Assert.Single(failure.Evidence, e => e.Field == "appliedConditionalAccessPolicies[1].displayName");
        Assert.Equal("Require MFA for Azure management", policy.Value);
        Assert.Contains("grant Mfa", policy.Reason, System.StringComparison.Ordinal);
        Assert.Equal(new[] { "Require MFA for Azure management" }, failure.ConditionalAccessPolicies);
    }

    [Fact]
    public void Remedies_point_at_the_fix_for_each_cause()
    {
        var headless = StrongAuthClassifier.Default.Classify(Failure(50076).With(e => e.AuthenticationProtocol = "ropc"));
        var silent = StrongAuthClassifier.Default.Classify(Failure(50076).Silent());
        var enrollment = StrongAuthClassifier.Default.Classify(Failure(50079));
        var legacy = StrongAuthClassifier.Default.Classify(Failure(50076).With(e => e.ClientAppUsed = "Exchange ActiveSync"));

        Assert.Contains(headless.Remedy, r => r.Contains("managed identity", System.StringComparison.Ordinal));
        Assert.Contains(headless.Remedy, r => r.Contains("workload identity federation", System.StringComparison.Ordinal));
        Assert.Contains(silent.Remedy, r => r.Contains("MsalUiRequiredException", System.StringComparison.Ordinal));
        Assert.Contains(silent.Remedy, r => r.Contains("claims challenge", System.StringComparison.Ordinal));
        Assert.Contains(enrollment.Remedy, r => r.Contains("Temporary Access Pass", System.StringComparison.Ordinal));
        Assert.Contains(legacy.Remedy, r => r.Contains("Legacy authentication protocols", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Other_takes_the_catalog_remedy()
    {
        var failure = StrongAuthClassifier.Default.Classify(Failure(50126));
        AadstsCatalog.BuiltIn.TryGet(50126, out var entry);

        Assert.Equal(entry.Remedy, failure.Remedy);
        Assert.Equal("InvalidUserNameOrPassword", failure.ErrorName);
    }

    [Fact]
    public void Interactivity_falls_back_to_the_event_type()
    {
        var failure = StrongAuthClassifier.Default.Classify(
            Failure(50074).With(e => { e.IsInteractive = null; e.SignInEventTypes = new[] { "nonInteractiveUser" }; }));

        Assert.Equal(FailureCause.SilentAuthInteractionRequired, failure.CauseKind);
        Assert.Contains(failure.Evidence, e => e.Field == "signInEventTypes" && e.Value == "nonInteractiveUser");
    }

    [Fact]
    public void A_success_is_refused()
    {
        Assert.Throws<System.ArgumentException>(() => StrongAuthClassifier.Default.Classify(Success()));
    }

    [Fact]
    public void Corroborating_rules_add_their_evidence_once()
    {
        var failure = StrongAuthClassifier.Default.Classify(
            Failure(50076).Silent().App(AzurePowerShell, "Microsoft Azure PowerShell").Deviceless().With(e => e.UserAgent = "python-requests/2.31.0"));

        Assert.Equal(FailureCause.HeadlessUserAccount, failure.CauseKind);
        Assert.Equal(Confidence.High, failure.ConfidenceKind);
        Assert.Single(failure.Evidence, e => e.Field == "status.errorCode");
        Assert.Contains(failure.Evidence, e => e.Field == "deviceDetail" && e.Value is null);
        Assert.Contains(failure.Evidence, e => e.Field == "appId" && e.Reason.Contains("Microsoft Azure PowerShell (AzurePowerShell)", System.StringComparison.Ordinal));
        Assert.Equal(failure.Evidence.Count, failure.Evidence.Select(e => e.Field + "=" + e.Value).Distinct().Count());
    }
}
