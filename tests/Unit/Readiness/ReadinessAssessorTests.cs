using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Tests.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>The verdict of one user and app from what was counted: any reason to break wins, then registration, then proof.</summary>
public class ReadinessAssessorTests
{
    private static readonly int[] Codes = { 50074, 50076, 50079 };

    private static readonly StrongAuthPolicy RequireMfa = new("p1", "Require MFA", "enabledForReportingButNotEnforced")
    {
        BuiltInControls = new[] { "mfa" },
        IncludeUsers = new[] { "All" },
        IncludeApplications = new[] { "All" },
    };

    [Fact]
    public void The_password_grant_and_legacy_protocols_break_whatever_is_registered()
    {
        var result = ReadinessAssessor.Assess(RequireMfa, Tally(TestSignIns.Success().With(x => x.AuthenticationProtocol = "ropc"), TestSignIns.Success().With(x => x.ClientAppUsed = "IMAP4")), null, null, "no data", null);
        Assert.Equal(ReadinessVerdict.WillBreak, result.VerdictKind);
        Assert.Equal(new[] { BreakReason.PasswordGrant, BreakReason.LegacyProtocol }, result.ReasonKinds);
        Assert.Equal(Confidence.High, result.ConfidenceKind);
        Assert.Contains(result.Evidence, e => e.Contains("IMAP4", StringComparison.Ordinal));
        Assert.Contains("workload identity", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_that_never_falls_back_breaks_its_silent_users_only()
    {
        var never = AppRecovery.Measure(TestSignIns.AzurePortal, Enumerable.Range(0, 3).Select(i => TestSignIns.Failure(50074, atSeconds: i * 100).Silent()), Codes, TimeSpan.FromHours(1));
        var silentUser = ReadinessAssessor.Assess(RequireMfa, Tally(TestSignIns.Success().Silent()), null, null, "no data", never);
        Assert.Equal(ReadinessVerdict.WillBreak, silentUser.VerdictKind);
        Assert.Equal(new[] { BreakReason.AppNeverFallsBack }, silentUser.ReasonKinds);
        Assert.Equal(Confidence.Medium, silentUser.ConfidenceKind);
        Assert.Same(never, silentUser.AppRecovery);

        // Someone who only ever signs in to it interactively sees the prompt.
        var interactiveUser = ReadinessAssessor.Assess(RequireMfa, Tally(TestSignIns.Success().With(x => x.AuthenticationRequirement = "singleFactorAuthentication")), null, null, "no data", never);
        Assert.Equal(ReadinessVerdict.WillPrompt, interactiveUser.VerdictKind);
    }

    [Fact]
    public void Report_only_results_are_evidence_and_a_logged_failure_breaks()
    {
        var interrupted = TestSignIns.Success().With(x => x.AppliedConditionalAccessPolicies = new[] { new AppliedConditionalAccessPolicy { Id = "p1", DisplayName = "Require MFA", Result = "reportOnlyInterrupted" } });
        var failed = TestSignIns.Success().With(x => x.AppliedConditionalAccessPolicies = new[] { new AppliedConditionalAccessPolicy { Id = "p1", DisplayName = "Require MFA", Result = "reportOnlyFailure" } });
        var other = TestSignIns.Success().With(x => x.AppliedConditionalAccessPolicies = new[] { new AppliedConditionalAccessPolicy { Id = "p2", DisplayName = "Other", Result = "reportOnlyFailure" } });
        var prompt = ReadinessAssessor.Assess(RequireMfa, Tally(interrupted, other), null, null, "no data", null);
        Assert.NotEqual(ReadinessVerdict.WillBreak, prompt.VerdictKind);
        Assert.Contains(prompt.Evidence, e => e.Contains("reportOnlyInterrupted on 1", StringComparison.Ordinal));
        Assert.DoesNotContain(prompt.Evidence, e => e.Contains("reportOnlyFailure", StringComparison.Ordinal));

        var broken = ReadinessAssessor.Assess(RequireMfa, Tally(failed), null, null, "no data", null);
        Assert.Equal(new[] { BreakReason.ReportOnlyFailure }, broken.ReasonKinds);
    }

    [Fact]
    public void Without_registration_data_the_verdict_is_Low_and_says_so_and_plain_MFA_already_proven_is_Ready()
    {
        var mfa = TestSignIns.Success().Step("Microsoft Authenticator App", "Multifactor authentication", true, "MFA successfully completed");
        var proven = ReadinessAssessor.Assess(RequireMfa, Tally(mfa, mfa.With(x => x.Id = TestSignIns.NewId())), null, null, "no tenant data", null);
        Assert.Equal((ReadinessVerdict.Ready, Confidence.Low), (proven.VerdictKind, proven.ConfidenceKind));
        Assert.Contains(proven.Evidence, e => e.Contains("no tenant data", StringComparison.Ordinal));

        // A strength asks for more than the logs' MFA can show: never Ready from MFA alone.
        var strength = new StrongAuthPolicy("p3", "Phishing-resistant", "enabled") { AuthenticationStrengthId = "00000000-0000-0000-0000-000000000004", IncludeUsers = new[] { "All" }, IncludeApplications = new[] { "All" } };
        Assert.Equal(ReadinessVerdict.WillPrompt, ReadinessAssessor.Assess(strength, Tally(mfa), null, null, "no tenant data", null).VerdictKind);
    }

    [Fact]
    public void Tallies_count_each_kind_of_sign_in()
    {
        var tally = Tally(TestSignIns.Success(), TestSignIns.Success().Silent(), TestSignIns.Failure(50074).Silent(), TestSignIns.Success().With(x => x.AuthenticationProtocol = "ropc"));
        Assert.Equal((4, 2, 2, 1, 3), (tally.SignIns, tally.Interactive, tally.NonInteractive, tally.PasswordGrant, tally.Successes));
        Assert.Equal(TestSignIns.T0, tally.LastSeen);
    }

    private static ReadinessTally Tally(params SignInEvent[] signIns)
    {
        var tally = new ReadinessTally("6e7b768e-07e2-4810-8459-485f84f8f204", TestSignIns.AzurePortal);
        foreach (var signIn in signIns)
        {
            tally.Add(signIn, "p1", HeadlessData.BuiltIn);
        }

        return tally;
    }
}
