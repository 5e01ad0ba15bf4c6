using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>Diagnosis step 4: what changed in the session since its last MFA is evidence for step-up and stale claims.</summary>
public class FlowChangeEvidenceTests
{
    private const string Graph = "00000003-0000-0000-c000-000000000000";

    private static SignInEvent MfaSuccessToGraph(int atSeconds) =>
        Success(atSeconds)
            .With(s => { s.ResourceId = Graph; s.ResourceDisplayName = "Microsoft Graph"; s.IpAddress = "198.51.100.7"; s.CountryOrRegion = "NL"; s.RiskLevelDuringSignIn = "none"; })
            .Step("Password", "Primary authentication", true, "Correct password")
            .Step("Mobile app notification", "Multifactor authentication", true, "MFA successfully completed");

    private static (SignInEvent Proof, SignInEvent Failure) MovedSession()
    {
        var proof = MfaSuccessToGraph(0);
        var failure = Failure(50076, 600).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" })
            .With(f => { f.SessionId = proof.SessionId; f.IpAddress = "203.0.113.42"; f.CountryOrRegion = "NL"; f.RiskLevelDuringSignIn = "none"; });
        return (proof, failure);
    }

    [Fact]
    public void A_step_up_after_the_session_moved_to_another_resource_and_network_says_so()
    {
        var (proof, failure) = MovedSession();

        var result = AnalyzerRun.Single(new[] { proof, failure });

        Assert.Equal(FailureCause.PolicyStepUp, result.CauseKind);
        var resource = Assert.Single(result.Evidence, e => e.Field == "resourceId");
        Assert.Equal(AzureManagement, resource.Value);
        Assert.Contains("another resource", resource.Reason, StringComparison.Ordinal);
        Assert.Contains(proof.Id!, resource.Reason, StringComparison.Ordinal);
        Assert.Contains("Microsoft Graph", resource.Reason, StringComparison.Ordinal);
        var ip = Assert.Single(result.Evidence, e => e.Field == "ipAddress");
        Assert.Equal("203.0.113.42", ip.Value);
        Assert.Contains("from 198.51.100.7", ip.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Evidence, e => e.Field == "location.countryOrRegion" || e.Field == "riskLevelDuringSignIn");
    }

    [Fact]
    public void The_change_found_is_the_same_in_any_order_and_oldest_first()
    {
        var (proof, failure) = MovedSession();

        var forward = AnalyzerRun.Outcome(AnalyzerRun.Single(new[] { proof, failure }));
        var backward = AnalyzerRun.Outcome(AnalyzerRun.Single(new[] { failure, proof }));
        var oldestFirst = AnalyzerRun.Outcome(AnalyzerRun.Single(new[] { proof, failure }, AnalyzerRun.Options(SignInOrder.OldestFirst)));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, oldestFirst);
        Assert.Contains("resourceId", forward, StringComparison.Ordinal);
    }

    [Fact]
    public void Newest_first_input_as_Graph_returns_it_finds_the_earlier_proof_too()
    {
        // Graph and the admin center give newest first: the failure comes before the proof it is compared with, and
        // was finalised on arrival (no flow evidence) until failures were held until the flow window before them was read.
        var (proof, failure) = MovedSession();
        var later = Success(3600).With(s => s.UserPrincipalName = "someone.else@contoso.com");

        var newestFirst = AnalyzerRun.Single(new[] { later, failure, proof }, AnalyzerRun.Options(SignInOrder.NewestFirst));

        var resource = Assert.Single(newestFirst.Evidence, e => e.Field == "resourceId");
        Assert.Contains(proof.Id!, resource.Reason, StringComparison.Ordinal);
        Assert.Equal(AnalyzerRun.Outcome(AnalyzerRun.Single(new[] { proof, failure })), AnalyzerRun.Outcome(newestFirst));
    }

    [Fact]
    public void A_stale_session_whose_risk_rose_since_the_last_MFA_cites_the_risk()
    {
        var proof = MfaSuccessToGraph(0);
        var failure = Failure(50078, 900).With(f => { f.SessionId = proof.SessionId; f.ResourceId = Graph; f.IpAddress = "198.51.100.7"; f.CountryOrRegion = "NL"; f.RiskLevelDuringSignIn = "medium"; });

        var result = AnalyzerRun.Single(new[] { proof, failure });

        Assert.Equal(FailureCause.StaleSessionClaims, result.CauseKind);
        var risk = Assert.Single(result.Evidence, e => e.Field == "riskLevelDuringSignIn");
        Assert.Equal("medium", risk.Value);
        Assert.Contains("from none", risk.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Evidence, e => e.Field == "resourceId" || e.Field == "ipAddress");
    }

    [Fact]
    public void Nothing_changed_or_no_earlier_MFA_adds_no_flow_evidence()
    {
        var proof = MfaSuccessToGraph(0);
        var same = Failure(50076, 600).Policy("Require MFA for Graph", "failure", new[] { "Mfa" })
            .With(f => { f.SessionId = proof.SessionId; f.ResourceId = Graph; f.IpAddress = "198.51.100.7"; f.CountryOrRegion = "NL"; f.RiskLevelDuringSignIn = "none"; });
        var alone = Failure(50076, 600).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" });

        var unchanged = AnalyzerRun.Single(new[] { proof, same });
        var noProof = AnalyzerRun.Single(new[] { alone });

        Assert.DoesNotContain(unchanged.Evidence, e => e.Field is "resourceId" or "ipAddress" or "location.countryOrRegion" or "riskLevelDuringSignIn");
        Assert.DoesNotContain(noProof.Evidence, e => e.Field is "resourceId" or "ipAddress");
    }
}
