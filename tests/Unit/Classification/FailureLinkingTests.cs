using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

public class FailureLinkingTests
{
    private static SignInEvent StepUp(int atSeconds = 0) =>
        Failure(50074, atSeconds).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" });

    private static SignInEvent MfaSuccess(int atSeconds, string method = "Mobile app notification") =>
        Success(atSeconds)
            .Step("Password", "Primary authentication", true, "Correct password")
            .Step(method, "Multifactor authentication", true, "MFA successfully completed");

    [Fact]
    public void A_step_up_completed_30_seconds_later_in_the_same_correlation_is_benign_and_keeps_its_reasoning()
    {
        var failure = StepUp();
        var success = MfaSuccess(30).Linked(failure).With(s => { s.OriginalRequestId = NewId(); s.SessionId = NewId(); });

        var result = AnalyzerRun.Single(new[] { failure, success });

        Assert.Equal(FailureCause.BenignInterrupt, result.CauseKind);
        Assert.True(result.IsBenign);
        Assert.Equal(FailureCause.PolicyStepUp, result.ReclassifiedFromKind);
        Assert.Equal(Confidence.High, result.ConfidenceKind);
        Assert.Equal(ResolutionState.Resolved, result.ResolutionKind);
        Assert.Equal("correlationId", result.ResolutionLink);
        Assert.Equal(success.Id, result.ResolvedBySignInId);
        Assert.Equal("Mobile app notification", result.ResolvedBy);
        Assert.Equal(TimeSpan.FromSeconds(30), result.TimeToResolveSpan);
        Assert.Equal(success.CreatedDateTime, result.ResolvedAt);
        Assert.Equal("correlationId", result.Evidence[0].Field);
        Assert.Equal(failure.CorrelationId, result.Evidence[0].Value);
        Assert.Contains("(Mobile app notification) 30 s later in the same correlationId", result.Evidence[0].Reason, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Field == "appliedConditionalAccessPolicies[1].enforcedGrantControls" && e.Value == "Mfa");
        Assert.Equal("stepup-ca-mfa-grant", result.RuleId);
    }

    [Fact]
    public void Benign_interrupts_are_dropped_unless_asked_for()
    {
        var failure = StepUp();
        var run = new AnalyzerRun(new[] { failure, MfaSuccess(30).Linked(failure), Failure(50140, 5).Unlinked() }, AnalyzerRun.Options(includeBenign: false));

        Assert.Empty(run.All);
        Assert.Equal(2, run.Analyzer.BenignHidden);
    }

    [Fact]
    public void The_original_request_id_links_and_so_does_the_failure_being_the_first_request()
    {
        var byOriginal = StepUp();
        var viaOriginal = MfaSuccess(20).Unlinked().With(s => s.OriginalRequestId = byOriginal.OriginalRequestId);
        var first = StepUp(100).Unlinked();
        var viaOwnId = MfaSuccess(130).Unlinked().With(s => s.OriginalRequestId = first.Id);

        var results = new AnalyzerRun(new[] { byOriginal, viaOriginal, first, viaOwnId }).All.ToDictionary(f => f.SignInId!);

        Assert.Equal("originalRequestId", results[byOriginal.Id!].ResolutionLink);
        Assert.Equal(viaOriginal.Id, results[byOriginal.Id!].ResolvedBySignInId);
        Assert.Equal("originalRequestId", results[first.Id!].ResolutionLink);
        Assert.Equal(viaOwnId.Id, results[first.Id!].ResolvedBySignInId);
    }

    [Fact]
    public void A_session_link_is_benign_with_medium_confidence()
    {
        var failure = StepUp();
        var success = MfaSuccess(45).Unlinked().With(s => s.SessionId = failure.SessionId);

        var result = AnalyzerRun.Single(new[] { failure, success });

        Assert.Equal("sessionId", result.ResolutionLink);
        Assert.Equal(FailureCause.BenignInterrupt, result.CauseKind);
        Assert.Equal(Confidence.Medium, result.ConfidenceKind);
    }

    [Fact]
    public void Same_user_and_app_within_the_window_resolves_but_stays_the_original_cause()
    {
        var failure = StepUp();
        var success = MfaSuccess(240).Unlinked().With(s => { s.UserId = null; s.UserPrincipalName = "ADELEV@CONTOSO.ONMICROSOFT.COM"; });

        var result = AnalyzerRun.Single(new[] { failure, success });

        Assert.Equal(FailureCause.PolicyStepUp, result.CauseKind);
        Assert.Null(result.ReclassifiedFromKind);
        Assert.Equal(ResolutionState.Resolved, result.ResolutionKind);
        Assert.Equal("user+app", result.ResolutionLink);
        Assert.Equal(TimeSpan.FromMinutes(4), result.TimeToResolveSpan);
    }

    [Fact]
    public void A_single_factor_success_of_the_same_user_and_app_does_not_resolve_an_mfa_demand()
    {
        var singleFactor = Success(60).Unlinked().Step("Password", "Primary authentication", true, "Correct password").With(s => s.AuthenticationRequirement = "singleFactorAuthentication");

        var result = AnalyzerRun.Single(new[] { StepUp(), singleFactor });

        Assert.Equal(ResolutionState.Unresolved, result.ResolutionKind);
    }

    [Fact]
    public void Federated_mfa_counts_as_mfa_when_linking()
    {
        var federated = Success(90).Unlinked().With(s =>
        {
            s.TokenIssuerType = "ADFederationServices";
            s.AuthenticationRequirement = "singleFactorAuthentication";
            s.AdditionalDetails = "MFA requirement satisfied by claim in the token";
        });

        var result = AnalyzerRun.Single(new[] { StepUp(), federated });

        Assert.Equal(ResolutionState.Resolved, result.ResolutionKind);
        Assert.Equal("user+app", result.ResolutionLink);
        Assert.Equal("Claim in the token (federated MFA)", result.ResolvedBy);
    }

    [Fact]
    public void Previously_satisfied_mfa_is_named_as_such()
    {
        var failure = Failure(50076).Silent();
        var refresh = Success(5).Silent().Linked(failure).Step("Previously satisfied", "Multifactor authentication", true, "MFA requirement satisfied by token");

        var result = AnalyzerRun.Single(new[] { failure, refresh });

        Assert.Equal("Previously satisfied", result.ResolvedBy);
        Assert.Equal(FailureCause.SilentAuthInteractionRequired, result.ReclassifiedFromKind);
    }

    [Fact]
    public void A_success_before_the_failure_does_not_link()
    {
        var failure = StepUp(60);
        var before = MfaSuccess(30).Linked(failure);

        var result = AnalyzerRun.Single(new[] { before, failure });

        Assert.Equal(ResolutionState.Unresolved, result.ResolutionKind);
        Assert.Equal(FailureCause.PolicyStepUp, result.CauseKind);
        Assert.Null(result.ResolvedBy);
    }

    [Theory]
    [InlineData(599, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void User_and_app_links_only_within_ten_minutes(int seconds, bool linked)
    {
        var result = AnalyzerRun.Single(new[] { StepUp(), MfaSuccess(seconds).Unlinked() });

        Assert.Equal(linked ? ResolutionState.Resolved : ResolutionState.Unresolved, result.ResolutionKind);
    }

    [Fact]
    public void Same_flow_links_only_within_an_hour_and_late_ones_are_not_benign()
    {
        var failure = StepUp();
        var twentyMinutes = StepUp(10_000);
        var results = new AnalyzerRun(new[]
        {
            failure,
            MfaSuccess(3601).Unlinked().With(s => s.CorrelationId = failure.CorrelationId),
            twentyMinutes,
            MfaSuccess(10_000 + 1200).Unlinked().With(s => s.CorrelationId = twentyMinutes.CorrelationId),
        }).All.ToDictionary(f => f.SignInId!);

        Assert.Equal(ResolutionState.Unresolved, results[failure.Id!].ResolutionKind);
        Assert.Equal(ResolutionState.Resolved, results[twentyMinutes.Id!].ResolutionKind);
        Assert.Equal(FailureCause.PolicyStepUp, results[twentyMinutes.Id!].CauseKind);
    }

    [Fact]
    public void The_configured_window_is_used()
    {
        var options = AnalyzerRun.Options();
        options.ResolutionWindow = TimeSpan.FromMinutes(2);

        var result = AnalyzerRun.Single(new[] { StepUp(), MfaSuccess(180).Unlinked() }, options);

        Assert.Equal(ResolutionState.Unresolved, result.ResolutionKind);
    }

    [Fact]
    public void A_same_flow_link_beats_an_earlier_user_and_app_success()
    {
        var failure = StepUp();
        var sameFlow = MfaSuccess(40).Unlinked().With(s => s.CorrelationId = failure.CorrelationId);

        var result = AnalyzerRun.Single(new[] { failure, MfaSuccess(10).Unlinked(), sameFlow });

        Assert.Equal("correlationId", result.ResolutionLink);
        Assert.Equal(sameFlow.Id, result.ResolvedBySignInId);
    }

    [Fact]
    public void The_earliest_success_of_the_strongest_link_wins()
    {
        var failure = StepUp();
        var first = MfaSuccess(20).Linked(failure);

        var result = AnalyzerRun.Single(new[] { MfaSuccess(50).Linked(failure), failure, first });

        Assert.Equal(first.Id, result.ResolvedBySignInId);
    }

    [Fact]
    public void Causes_that_still_need_action_stay_when_resolved_quickly()
    {
        var denied = Failure(500121).Step("Mobile app notification", "Multifactor authentication", false, "User declined the authentication");

        var result = AnalyzerRun.Single(new[] { denied, MfaSuccess(20).Linked(denied) });

        Assert.Equal(FailureCause.MfaAttemptFailed, result.CauseKind);
        Assert.Equal(ResolutionState.Resolved, result.ResolutionKind);
    }

    [Fact]
    public void A_headless_failure_with_no_success_is_unresolved()
    {
        var script = Failure(50076).Deviceless().App(AzureCli, "Microsoft Azure CLI").With(e => { e.AuthenticationProtocol = "ropc"; e.UserAgent = "python-requests/2.31.0"; });

        var result = AnalyzerRun.Single(new[] { script, Success(30).Unlinked() });

        Assert.Equal(FailureCause.HeadlessUserAccount, result.CauseKind);
        Assert.Equal(ResolutionState.Unresolved, result.ResolutionKind);
    }
}
