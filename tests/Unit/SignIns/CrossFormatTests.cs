using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>The same sign-in, exported every way, must reach the classifiers with the same evidence.</summary>
public class CrossFormatTests
{
    public static TheoryData<string> Fixtures() =>
    [
        "admin-center-signins.json",
        "la-signinlogs-nested.json",
        "la-signinlogs-strings.ndjson",
        "la-signinlogs-portal.csv",
        "la-query-result.json",
        "diagnostic-archive.ndjson",
        "diagnostic-archive.ndjson.gz",
        "diagnostic-archive-records.json",
    ];

    /// <summary>mfaDetail {authMethod, authDetail}: Graph beta and the diagnostic archive nest it, SigninLogs has it as a dynamic column (nested, JSON in a string or a CSV cell), the admin center as two columns.</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    [InlineData("graph-beta-pages.json")]
    public void The_mfa_detail_is_read_from_every_format_that_carries_it(string fixture)
    {
        var signIn = ReadFixture(fixture).SignIns().Single(s => s.Id == InterruptId);

        Assert.Equal(("Text message", "+X XXXXXXXX12"), (signIn.MfaAuthMethod, signIn.MfaAuthDetail));
    }

    [Fact]
    public void The_mfa_detail_is_read_from_the_admin_center_csv()
    {
        var csv = AdminCenterCsvReaderTests.Csv("InteractiveSignIns_header_2025-01-24_57cols.csv", AdminCenterCsvReaderTests.Interrupt);

        var signIn = Assert.Single(ReadText(csv, "InteractiveSignIns_2025-03-04.csv").SignIns());

        Assert.Equal(("Text message", "+X XXXXXXXX12"), (signIn.MfaAuthMethod, signIn.MfaAuthDetail));
    }

    [Theory]
    [InlineData("la-query-result.json")]
    [InlineData("graph-beta-pages.json")]
    public void A_record_without_mfa_detail_or_with_an_empty_one_has_none(string fixture)
    {
        var others = ReadFixture(fixture).SignIns().Where(s => s.Id != InterruptId).ToList();

        Assert.NotEmpty(others);
        Assert.All(others, s => Assert.Equal((null, null), (s.MfaAuthMethod, s.MfaAuthDetail)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_same_record_yields_the_same_classification_fields(string fixture)
    {
        var expected = Evidence(ReadFixture("graph-beta-pages.json").SignIns().Single(s => s.Id == InterruptId), full: true);

        var actual = Evidence(ReadFixture(fixture).SignIns().Single(s => s.Id == InterruptId), full: true);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_admin_center_csv_yields_the_same_fields_it_carries()
    {
        var csv = AdminCenterCsvReaderTests.Csv("InteractiveSignIns_header_2025-01-24_57cols.csv", AdminCenterCsvReaderTests.Interrupt);
        var expected = Evidence(ReadFixture("graph-beta-pages.json").SignIns().Single(s => s.Id == InterruptId), full: false);

        var actual = Evidence(Assert.Single(ReadText(csv, "InteractiveSignIns_2025-03-04.csv").SignIns()), full: false);

        Assert.Equal(expected, actual);
    }

    /// <summary>Every field a classifier reads, as lines (a difference shows as one line).</summary>
    private static List<string> Evidence(SignInEvent s, bool full)
    {
        var lines = new List<string>
        {
            "errorCode=" + s.ErrorCode,
            "created=" + s.CreatedDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            "user=" + s.UserPrincipalName + " " + s.UserId,
            "app=" + s.AppId + " " + s.AppDisplayName,
            "resource=" + s.ResourceId,
            "interactive=" + s.IsInteractive + " " + string.Join("|", s.SignInEventTypes),
            "requirement=" + s.AuthenticationRequirement,
            "protocol=" + s.AuthenticationProtocol,
            "incomingToken=" + s.IncomingTokenType,
            "clientApp=" + s.ClientAppUsed,
            "userAgent=" + s.UserAgent,
            "caStatus=" + s.ConditionalAccessStatus,
            "correlation=" + s.CorrelationId,
            "failureReason=" + s.FailureReason,
            "tokenIssuer=" + s.TokenIssuerType,
            "place=" + s.City + " " + s.CountryOrRegion + " " + s.AutonomousSystemNumber,
            "device=" + s.OperatingSystem + " " + s.IsCompliant + " " + s.IsManaged,
            "userType=" + s.UserType,
            "mfaDetail=" + s.MfaAuthMethod + " " + s.MfaAuthDetail,
        };
        if (full)
        {
            lines.Add("additional=" + s.AdditionalDetails);
            lines.Add("session=" + s.SessionId);
            lines.Add("methodsUsed=" + string.Join("|", s.AuthenticationMethodsUsed));
            lines.AddRange(s.AppliedConditionalAccessPolicies.Select(p =>
                "policy=" + p.Id + " " + p.DisplayName + " " + p.Result + " " + string.Join("|", p.EnforcedGrantControls) + " "
                + p.AuthenticationStrengthId + " " + p.AuthenticationStrengthResult));
            lines.AddRange(s.AuthenticationDetails.Select(d =>
                "step=" + d.AuthenticationMethod + " " + d.AuthenticationStepRequirement + " " + d.AuthenticationStepResultDetail + " " + d.Succeeded + " " + d.AuthenticationStepDateTime));
            lines.AddRange(s.AuthenticationRequirementPolicies.Select(p => "requirementPolicy=" + p.RequirementProvider + " " + p.Detail));
            lines.AddRange(s.SessionLifetimePolicies.Select(p => "sessionPolicy=" + p.ExpirationRequirement));
            lines.AddRange(s.NetworkLocationDetails.Select(n => "network=" + n.NetworkType + " " + string.Join("|", n.NetworkNames)));
            lines.Add("risk=" + s.RiskLevelDuringSignIn + " " + s.RiskState + " " + string.Join("|", s.RiskEventTypes));
        }

        return lines;
    }
}
