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
