using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Remediation;

public sealed class RemediationComparerTests
{
    private const string User = "svc-backup@contoso.com";
    private const string AzurePowerShell = "1950a258-227b-4e31-a9cf-717495945fc2";
    private const string SpId = "9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11";
    private const string Python = "python-requests/2.31.0";
    private const string Edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.92";
    private static readonly DateTimeOffset FixedAt = new(2026, 3, 9, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Script: ROPC with a Python user agent. Person: interactive browser. Sp: a service principal sign-in.</summary>
    public enum Who
    {
        Script,
        Person,
        Sp,
    }

    public static TheoryData<string, RemediationSubject, (double Hours, Who Who, int Code, bool Mfa)[], RemediationOutcome, SubjectKind, Confidence, string?> Cases() => new()
    {
        {
            "person now satisfies MFA", Person(),
            new[] { (-30.0, Who.Person, 50076, false), (-20, Who.Person, 50076, false), (5, Who.Person, 0, true), (6, Who.Person, 0, true), (7, Who.Person, 0, true) },
            RemediationOutcome.Fixed, SubjectKind.Person, Confidence.High, null
        },
        {
            "person: a step-up answered by MFA is still fixed", Person(),
            new[] { (-30.0, Who.Person, 50076, false), (5, Who.Person, 50074, false), (5.01, Who.Person, 0, true), (7, Who.Person, 0, true) },
            RemediationOutcome.Fixed, SubjectKind.Person, Confidence.Medium, null
        },
        {
            "no activity after the fix", Person(),
            new[] { (-30.0, Who.Person, 50076, false), (-20, Who.Person, 50076, false), (-200, Who.Person, 0, true) },
            RemediationOutcome.Inconclusive, SubjectKind.Person, Confidence.Low, null
        },
        {
            "person: too few sign-ins after", Person(),
            new[] { (-30.0, Who.Person, 50076, false), (5, Who.Person, 0, true), (6, Who.Person, 0, true) },
            RemediationOutcome.Inconclusive, SubjectKind.Person, Confidence.Low, null
        },
        {
            "person still cannot register", Person(),
            new[] { (-30.0, Who.Person, 50079, false), (5, Who.Person, 50079, false), (6, Who.Person, 50079, false), (7, Who.Person, 0, false) },
            RemediationOutcome.NotFixed, SubjectKind.Person, Confidence.High, "Test-MfaEnrollment"
        },
        {
            "person: failures gone but no MFA", Person(),
            new[] { (-30.0, Who.Person, 50076, false), (5, Who.Person, 0, false), (6, Who.Person, 0, false), (7, Who.Person, 0, false) },
            RemediationOutcome.NotFixed, SubjectKind.Person, Confidence.Low, "lifted"
        },
        {
            "script: failures gone but single-factor sign-ins continue", Person(),
            new[] { (-30.0, Who.Script, 50076, false), (-20, Who.Script, 50076, false), (5, Who.Script, 0, false), (6, Who.Script, 0, false) },
            RemediationOutcome.NotFixed, SubjectKind.Automation, Confidence.High, "excluded"
        },
        {
            "script moved to its service principal", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (-20, Who.Script, 50076, false), (5, Who.Sp, 0, false), (6, Who.Sp, 0, false) },
            RemediationOutcome.Fixed, SubjectKind.Automation, Confidence.High, null
        },
        {
            "service principal appears but the user sign-ins continue", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (5, Who.Sp, 0, false), (6, Who.Script, 50076, false) },
            RemediationOutcome.NotFixed, SubjectKind.Automation, Confidence.High, "remaining copy"
        },
        {
            "script not moved yet", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (6, Who.Script, 50076, false) },
            RemediationOutcome.NotFixed, SubjectKind.Automation, Confidence.High, "Move the script"
        },
        {
            "script idle after the fix", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (-20, Who.Script, 50076, false) },
            RemediationOutcome.Inconclusive, SubjectKind.Automation, Confidence.Low, null
        },
        {
            "service principal signs in but always fails", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (5, Who.Sp, 7000215, false) },
            RemediationOutcome.NotFixed, SubjectKind.Automation, Confidence.Medium, "credential"
        },
        {
            "a person's browser use of the same account is not the script", Script(SpId),
            new[] { (-30.0, Who.Script, 50076, false), (5, Who.Sp, 0, false), (6, Who.Person, 0, true) },
            RemediationOutcome.Fixed, SubjectKind.Automation, Confidence.High, null
        },
        {
            "sign-ins outside both windows do not count", Person(),
            new[] { (-24 * 8.0, Who.Person, 50076, false), (24 * 8, Who.Person, 0, true), (24 * 9, Who.Person, 0, true), (24 * 10, Who.Person, 0, true) },
            RemediationOutcome.Inconclusive, SubjectKind.Person, Confidence.Low, null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string name, RemediationSubject subject, (double Hours, Who Who, int Code, bool Mfa)[] signIns, RemediationOutcome outcome, SubjectKind kind, Confidence confidence, string? advice)
    {
        var result = Run(subject, signIns.Select(s => Sign(s.Hours, s.Who, s.Code, s.Mfa)));

        Assert.True(outcome == result.OutcomeKind, name + ": " + result.OutcomeKind + " — " + result.Evidence);
        Assert.Equal(kind, result.JudgedAsKind);
        Assert.Equal(confidence, result.ConfidenceKind);
        if (advice is null)
        {
            Assert.True(result.OutcomeKind != RemediationOutcome.NotFixed || result.Advice.Count > 0);
        }
        else
        {
            Assert.Contains(advice, result.Advice.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CountsBothWindowsAndNamesTheCodes()
    {
        var result = Run(Script(SpId), new[] { Sign(-3, Who.Script, 50076), Sign(-2, Who.Script, 50076), Sign(-1, Who.Script, 50074), Sign(1, Who.Sp, 0), Sign(2, Who.Script, 50076) });

        Assert.Equal(3, result.BeforeFailures);
        Assert.Equal("50076×2; 50074×1", result.BeforeFailureCodes);
        Assert.Equal(1, result.AfterFailures);
        Assert.Equal(1, result.AfterAutomationSignIns);
        Assert.Equal(1, result.AfterWorkloadSignIns);
        Assert.Contains(result.Evidence, e => e.Field == "after.latestAutomationSignIn" && e.Reason.Contains(Python, StringComparison.Ordinal));
    }

    [Fact]
    public void TheAppAndTheWorkloadIdentityAreNamedFromTheirSignInsBesideTheirIds()
    {
        var script = Sign(-3, Who.Script, 50076);
        script.AppDisplayName = "Microsoft Azure PowerShell";
        var workload = Sign(1, Who.Sp, 0);
        workload.AppDisplayName = "Contoso Backup";
        var result = Run(Script(SpId), new[] { script, workload });

        Assert.Equal(AzurePowerShell, result.AppId);
        Assert.Equal("Microsoft Azure PowerShell", result.AppDisplayName);
        Assert.Equal(SpId, result.ServicePrincipalId);
        Assert.Equal("Contoso Backup", result.ServicePrincipalName);
        Assert.Contains(result.Evidence, e => e.Field == "after.workloadSignIns" && e.Reason.StartsWith("Contoso Backup (" + SpId + "): 1 succeeded", StringComparison.Ordinal));

        var unnamed = Run(Script(SpId), new[] { Sign(-3, Who.Script, 50076) });
        Assert.Null(unnamed.ServicePrincipalName);
        Assert.Contains(unnamed.Evidence, e => e.Field == "after.workloadSignIns" && e.Reason.StartsWith(SpId + ": 0 succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public void AManagedIdentityMatchesByItsAppIdToo()
    {
        var mi = Sign(1, Who.Sp, 0);
        mi.SignInEventTypes = new[] { "managedIdentity" };
        mi.ServicePrincipalId = "another-object-id";
        mi.AppId = SpId;
        var result = Run(Script(SpId), new[] { Sign(-3, Who.Script, 50076), mi });

        Assert.Equal(RemediationOutcome.Fixed, result.OutcomeKind);
        Assert.Contains("managedIdentity", result.Evidence.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EqualSubjectsAreAddedOnce()
    {
        var comparer = new RemediationComparer(Options());
        Assert.True(comparer.AddSubject(Person()));
        Assert.False(comparer.AddSubject(new RemediationSubject(User.ToUpperInvariant(), null, null)));
        Assert.True(comparer.AddSubject(Script(SpId)));
        Assert.Equal(2, comparer.SubjectCount);
    }

    [Fact]
    public void ASubjectNamedByUpnAndIdCountsASignInOnceAndIdsAloneMatch()
    {
        var comparer = new RemediationComparer(Options());
        comparer.AddSubject(new RemediationSubject(User, "u-1", null));
        comparer.AddSubject(new RemediationSubject(null, "u-1", null));
        var signIn = Sign(-1, Who.Person, 50076);
        signIn.UserId = "U-1";
        comparer.Add(signIn);

        Assert.All(comparer.Results(), r => Assert.Equal(1, r.BeforeSignIns));
        Assert.Equal(1, comparer.Counted);
    }

    [Fact]
    public void RejectsUnorderedWindowsAndEmptySubjects()
    {
        Assert.Throws<ArgumentException>(() => new RemediationOptions(FixedAt, FixedAt, FixedAt.AddDays(1)));
        Assert.Throws<ArgumentException>(() => new RemediationSubject(" ", null, null));
    }

    private static RemediationSubject Person() => new(User, null, null);

    private static RemediationSubject Script(string sp) => new(User, null, AzurePowerShell, sp);

    private static RemediationOptions Options() => new(FixedAt.AddDays(-7), FixedAt, FixedAt.AddDays(7));

    private static RemediationResult Run(RemediationSubject subject, IEnumerable<SignInEvent> signIns)
    {
        var comparer = new RemediationComparer(Options());
        comparer.AddSubject(subject);
        foreach (var signIn in signIns)
        {
            comparer.Add(signIn);
        }

        return Assert.Single(comparer.Results());
    }

    private static SignInEvent Sign(double hours, Who who, int code, bool mfa = false)
    {
        var signIn = new SignInEvent
        {
            Id = Guid.NewGuid().ToString(),
            CreatedDateTime = FixedAt.AddHours(hours),
            ErrorCode = code,
            AuthenticationRequirement = mfa ? "multiFactorAuthentication" : "singleFactorAuthentication",
            IpAddress = "203.0.113.7",
        };
        switch (who)
        {
            case Who.Sp:
                signIn.SignInEventTypes = new[] { "servicePrincipal" };
                signIn.ServicePrincipalId = SpId;
                signIn.AppId = "5f3c1e55-0000-4000-8000-000000000001";
                break;
            case Who.Script:
                signIn.UserPrincipalName = User;
                signIn.AppId = AzurePowerShell;
                signIn.UserAgent = Python;
                signIn.AuthenticationProtocol = "ropc";
                signIn.IsInteractive = false;
                signIn.SignInEventTypes = new[] { "nonInteractiveUser" };
                break;
            default:
                signIn.UserPrincipalName = User;
                signIn.AppId = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
                signIn.UserAgent = Edge;
                signIn.IsInteractive = true;
                signIn.SignInEventTypes = new[] { "interactiveUser" };
                if (mfa)
                {
                    signIn.AuthenticationDetails = new[] { new AuthenticationDetail { AuthenticationMethod = "Mobile app notification", AuthenticationStepRequirement = "Multifactor authentication", Succeeded = true } };
                }

                break;
        }

        return signIn;
    }
}
