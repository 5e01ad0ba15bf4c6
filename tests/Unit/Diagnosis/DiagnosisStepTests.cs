using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Tests.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>The steps on sign-ins built in code: each finding rests on the facts it names, and only on them.</summary>
public class DiagnosisStepTests
{
    private static readonly int[] Codes = { 50074, 50076, 50079 };

    [Fact]
    public void Context_moves_compare_with_the_last_MFA_proof_and_name_each_change()
    {
        var proof = TestSignIns.Success().Step("Microsoft Authenticator App", "Multifactor authentication", true, "MFA successfully completed");
        var failure = TestSignIns.Failure(50076, atSeconds: 1800).Linked(proof).With(x =>
        {
            x.ResourceId = "00000003-0000-0000-c000-000000000000";
            x.ResourceDisplayName = "Microsoft Graph";
            x.IpAddress = "198.51.100.7";
        });
        var step = ContextMoveStep.Build(Input(failure, history: new[] { proof, failure }));
        Assert.Equal(DiagnosisStatus.Problem, step.StatusKind);
        Assert.Contains(step.Evidence, e => e.Contains("moved to another resource", StringComparison.Ordinal));
        Assert.Contains(step.Evidence, e => e.Contains("IP address changed", StringComparison.Ordinal) && e.Contains("203.0.113.42", StringComparison.Ordinal));
        Assert.Contains(step.Evidence, e => e.StartsWith("Last MFA in the same session or flow", StringComparison.Ordinal) && e.Contains(proof.Id!, StringComparison.Ordinal));
    }

    [Fact]
    public void Context_moves_are_Ok_when_nothing_changed_and_Unknown_without_an_earlier_proof()
    {
        var proof = TestSignIns.Success().Step("Microsoft Authenticator App", "Multifactor authentication", true, "MFA successfully completed");
        var failure = TestSignIns.Failure(50076, atSeconds: 1800).Linked(proof);
        Assert.Equal(DiagnosisStatus.Ok, ContextMoveStep.Build(Input(failure, history: new[] { proof, failure })).StatusKind);

        // A success without MFA is no strong proof.
        var singleFactor = TestSignIns.Success().With(x => x.AuthenticationRequirement = "singleFactorAuthentication");
        var unknown = ContextMoveStep.Build(Input(failure, history: new[] { singleFactor, failure }));
        Assert.Equal(DiagnosisStatus.Unknown, unknown.StatusKind);
        Assert.Contains("-HistoryDays", unknown.NextAction, StringComparison.Ordinal);
        Assert.Equal(DiagnosisStatus.Unknown, ContextMoveStep.Build(Input(failure, history: null)).StatusKind);
    }

    [Fact]
    public void An_app_recovers_when_an_interactive_success_of_the_same_user_follows_its_silent_interrupt()
    {
        var history = new List<SignInEvent>();
        for (var i = 0; i < 4; i++)
        {
            var user = "user" + i + "@contoso.com";
            history.Add(TestSignIns.Failure(50074, atSeconds: i * 10_000).Silent().With(x => x.UserPrincipalName = user).With(x => x.UserId = user));
            if (i < 3)
            {
                // Three users come back interactively within the hour; the fourth comes back a day later.
                history.Add(TestSignIns.Success(atSeconds: (i * 10_000) + (i == 2 ? 86_400 : 120)).With(x => x.UserPrincipalName = user).With(x => x.UserId = user));
            }
        }

        var recovery = AppRecovery.Measure(TestSignIns.AzurePortal, history, Codes, TimeSpan.FromHours(1));
        Assert.Equal((4, 2, 4), (recovery.SilentInterrupts, recovery.Recovered, recovery.Users));
        Assert.Equal(0.5, recovery.Rate);
        Assert.True(recovery.IsConclusive);
        Assert.Equal(0, AppRecovery.Measure(TestSignIns.AzureCli, history, Codes, TimeSpan.FromHours(1)).SilentInterrupts);
    }

    [Fact]
    public void The_silent_path_is_a_problem_for_ROPC_and_for_an_app_that_never_falls_back()
    {
        var ropc = TestSignIns.Failure(50076).With(x => x.AuthenticationProtocol = "ropc");
        Assert.Equal(DiagnosisStatus.Problem, SilentPathStep.Build(Input(ropc), null).StatusKind);
        Assert.Contains("ROPC", SilentPathStep.Build(Input(ropc), null).Finding, StringComparison.Ordinal);

        var silent = TestSignIns.Failure(50074).Silent();
        var never = Enumerable.Range(0, 3).Select(i => TestSignIns.Failure(50074, atSeconds: i * 100).Silent()).ToList();
        var step = SilentPathStep.Build(Input(silent), AppRecovery.Measure(TestSignIns.AzurePortal, never, Codes, TimeSpan.FromHours(1)));
        Assert.Equal(DiagnosisStatus.Problem, step.StatusKind);
        Assert.Contains("never fell back", step.Finding, StringComparison.Ordinal);

        // Two interrupts say too little either way.
        var few = SilentPathStep.Build(Input(silent), AppRecovery.Measure(TestSignIns.AzurePortal, never.Take(2), Codes, TimeSpan.FromHours(1)));
        Assert.Equal(DiagnosisStatus.Unknown, few.StatusKind);
        Assert.Equal(DiagnosisStatus.Ok, SilentPathStep.Build(Input(TestSignIns.Failure(50074)), null).StatusKind);
    }

    [Fact]
    public void Conditional_access_names_the_demanding_policy_the_report_only_ones_and_other_sources()
    {
        var failure = TestSignIns.Failure(50076)
            .Policy("Require MFA for admins", "failure", new[] { "mfa" })
            .Policy("Phishing-resistant pilot", "reportOnlyInterrupted", strength: "Phishing-resistant MFA");
        var step = ConditionalAccessStep.Build(Input(failure));
        Assert.Equal(DiagnosisStatus.Problem, step.StatusKind);
        Assert.Contains("'Require MFA for admins'", step.Finding, StringComparison.Ordinal);
        Assert.Contains("multifactor authentication", step.Finding, StringComparison.Ordinal);
        Assert.Contains("Report-only: 'Phishing-resistant pilot'", step.Finding, StringComparison.Ordinal);

        var perUser = ConditionalAccessStep.Build(Input(TestSignIns.Failure(50076).RequiredBy("user")));
        Assert.Equal(DiagnosisStatus.Problem, perUser.StatusKind);
        Assert.Contains("per-user MFA", perUser.Finding, StringComparison.Ordinal);

        var hidden = ConditionalAccessStep.Build(new DiagnosisInput(Classify(TestSignIns.Failure(50076).NoConditionalAccessDetail())) { Live = true });
        Assert.Equal(DiagnosisStatus.Unknown, hidden.StatusKind);
        Assert.Contains("Policy.Read.All", hidden.NextAction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verdict_moves_confidence_one_level_with_independent_evidence_and_never_lifts_a_guess_to_High()
    {
        var failure = Classify(TestSignIns.Failure(50079));
        Assert.Equal(FailureCause.IncompleteEnrollment, failure.CauseKind);
        var steps = Steps(enrollment: DiagnosisStatus.Ok);
        var (_, lowered, chain) = DiagnosisVerdict.Decide(failure, steps, null);
        Assert.Equal(failure.ConfidenceKind - 1, lowered);
        Assert.Contains(chain, c => c.StartsWith("Contradicted: step 5", StringComparison.Ordinal));

        var guess = new StrongAuthFailure(new FailureClassification(failure.SignIn, failure.CodeInfo, FailureCause.IncompleteEnrollment, Confidence.Medium, failure.Evidence, failure.Remedy) { MissingEvidence = new[] { "authenticationDetails" } }, FailureOutcome.Unresolved);
        var (_, confirmed, _) = DiagnosisVerdict.Decide(guess, Steps(enrollment: DiagnosisStatus.Problem), null);
        Assert.Equal(Confidence.Medium, confirmed);

        var headless = new StrongAuthFailure(new FailureClassification(failure.SignIn, failure.CodeInfo, FailureCause.HeadlessUserAccount, Confidence.Medium, failure.Evidence, failure.Remedy), FailureOutcome.Unresolved);
        Assert.Equal(Confidence.High, DiagnosisVerdict.Decide(headless, Steps(), 85).Confidence);
        Assert.Equal(Confidence.Low, DiagnosisVerdict.Decide(headless, Steps(), 10).Confidence);
        Assert.Equal(Confidence.Medium, DiagnosisVerdict.Decide(headless, Steps(), 35).Confidence);
    }

    [Fact]
    public void Only_the_accounts_history_overrules_a_guess_and_then_to_Medium()
    {
        var failure = Classify(TestSignIns.Failure(50076));
        var guess = new StrongAuthFailure(new FailureClassification(failure.SignIn, failure.CodeInfo, FailureCause.PolicyStepUp, Confidence.Low, failure.Evidence, failure.Remedy), FailureOutcome.Unresolved);
        var (cause, confidence, chain) = DiagnosisVerdict.Decide(guess, Steps(), 60);
        Assert.Equal((FailureCause.HeadlessUserAccount, Confidence.Medium), (cause, confidence));
        Assert.Contains(chain, c => c.StartsWith("Overruled:", StringComparison.Ordinal));

        // Below the script threshold the guess stands, and a consistent step does not raise it.
        Assert.Equal((FailureCause.PolicyStepUp, Confidence.Low), (DiagnosisVerdict.Decide(guess, Steps(), 45).Cause, DiagnosisVerdict.Decide(guess, Steps(), 45).Confidence));
        var moved = Steps();
        moved[3] = new DiagnosisStep(4, "Context moves", DiagnosisStatus.Problem, "moved");
        var kept = DiagnosisVerdict.Decide(guess, moved, null);
        Assert.Equal(Confidence.Low, kept.Confidence);
        Assert.Contains(kept.Chain, c => c.StartsWith("Consistent", StringComparison.Ordinal));
    }

    private static List<DiagnosisStep> Steps(DiagnosisStatus enrollment = DiagnosisStatus.Unknown) =>
        Enumerable.Range(1, 6).Select(n => new DiagnosisStep(n, "step " + n, n == 5 ? enrollment : DiagnosisStatus.Ok, "finding " + n)).ToList();

    private static StrongAuthFailure Classify(SignInEvent signIn) => StrongAuthClassifier.Default.Classify(signIn);

    private static DiagnosisInput Input(SignInEvent failure, IReadOnlyList<SignInEvent>? history = null) => new(Classify(failure))
    {
        Flow = new[] { failure },
        UserHistory = history,
        HistoryStart = TestSignIns.T0.AddDays(-7),
        StrongAuthCodes = Codes,
        HistoryMissing = history is null ? "no history in this test" : null,
    };
}
