using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>
/// Every display string the admin center's CSV download writes for an enum-like column, back to the Graph member the
/// classifier compares with: one case per value.
/// </summary>
public class AdminCenterCsvValueTests
{
    public static TheoryData<string, string, string> DisplayValues() => new()
    {
        { "Authentication requirement", "Multifactor authentication", "multiFactorAuthentication" },
        { "Authentication requirement", "Multi-factor authentication", "multiFactorAuthentication" },
        { "Authentication requirement", "Single-factor authentication", "singleFactorAuthentication" },
        { "Authentication requirement", "Single factor authentication", "singleFactorAuthentication" },
        { "Conditional Access", "Success", "success" },
        { "Conditional Access", "Failure", "failure" },
        { "Conditional Access", "Not Applied", "notApplied" },
        { "Conditional Access", "Not applied", "notApplied" },
        { "Authentication Protocol", "ROPC", "ropc" },
        { "Authentication Protocol", "OAuth 2.0", "oAuth2" },
        { "Authentication Protocol", "OAuth2", "oAuth2" },
        { "Authentication Protocol", "Device code", "deviceCode" },
        { "Authentication Protocol", "WS-Federation", "wsFederation" },
        { "Authentication Protocol", "SAML 2.0", "saml20" },
        { "Authentication Protocol", "Authentication transfer", "authenticationTransfer" },
        { "Authentication Protocol", "Native auth", "nativeAuth" },
        { "Authentication Protocol", "None", "none" },
        { "Incoming token type", "Primary Refresh Token", "primaryRefreshToken" },
        { "Incoming token type", "Primary refresh token", "primaryRefreshToken" },
        { "Incoming token type", "Refresh token", "refreshToken" },
        { "Incoming token type", "SAML 1.1", "saml11" },
        { "Incoming token type", "SAML 2.0", "saml20" },
        { "Incoming token type", "Remote desktop token", "remoteDesktopToken" },
        { "Incoming token type", "None", "none" },
        { "Original transfer method", "Device code flow", "deviceCodeFlow" },
        { "Original transfer method", "Authentication transfer", "authenticationTransfer" },
        { "Client credential type", "Client secret", "clientSecret" },
        { "Client credential type", "Client assertion", "clientAssertion" },
        { "Client credential type", "Federated identity credential", "federatedIdentityCredential" },
        { "Client credential type", "Managed identity", "managedIdentity" },
        { "Client credential type", "Certificate", "certificate" },
        { "Cross tenant access type", "B2B collaboration", "b2bCollaboration" },
        { "Cross tenant access type", "B2B direct connect", "b2bDirectConnect" },
        { "Cross tenant access type", "Microsoft support", "microsoftSupport" },
        { "Cross tenant access type", "Service provider", "serviceProvider" },
        { "Cross tenant access type", "Passthrough", "passthrough" },
        { "Cross tenant access type", "None", "none" },
        { "User type", "Member", "member" },
        { "User type", "Guest", "guest" },
    };

    [Theory]
    [MemberData(nameof(DisplayValues))]
    public void A_display_value_becomes_the_graph_member(string column, string display, string expected)
    {
        var signIn = Read(new() { [column] = display });

        Assert.Equal(expected, column switch
        {
            "Authentication requirement" => signIn.AuthenticationRequirement,
            "Conditional Access" => signIn.ConditionalAccessStatus,
            "Authentication Protocol" => signIn.AuthenticationProtocol,
            "Incoming token type" => signIn.IncomingTokenType,
            "Original transfer method" => signIn.OriginalTransferMethod,
            "Client credential type" => signIn.ClientCredentialType,
            "Cross tenant access type" => signIn.CrossTenantAccessType,
            "User type" => signIn.UserType,
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        });
    }

    [Fact]
    public void An_unknown_display_value_is_kept_as_written()
    {
        Assert.Equal("Passkey sign-in", Read(new() { ["Authentication Protocol"] = "Passkey sign-in" }).AuthenticationProtocol);
    }

    [Theory]
    [InlineData("Success", "", 0)]
    [InlineData("Failure", "50076", 50076)]
    [InlineData("Interrupted", "50074", 50074)]
    [InlineData("Success", "0", 0)]
    public void Status_and_error_code_give_the_outcome(string status, string code, int expected)
    {
        Assert.Equal(expected, Read(new() { ["Status"] = status, ["Sign-in error code"] = code }).ErrorCode);
    }

    [Theory]
    [InlineData("Failure")]
    [InlineData("Interrupted")]
    public void A_failure_status_without_a_code_is_reported_not_guessed(string status)
    {
        var items = ReadText(AdminCenterCsvReaderTests.Csv("InteractiveSignIns_header_2025-01-24_57cols.csv", Row(new() { ["Status"] = status, ["Sign-in error code"] = string.Empty })), "InteractiveSignIns.csv");

        Assert.Empty(items.SignIns());
        Assert.Equal("SignInRecordInvalid", Assert.Single(items.Problems()).ErrorId);
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("No", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Compliant_and_managed_read_yes_no_and_true_false(string display, bool expected)
    {
        var signIn = Read(new() { ["Compliant"] = display, ["Managed"] = display });

        Assert.Equal((expected, expected), (signIn.IsCompliant, signIn.IsManaged));
    }

    private static SignInEvent Read(Dictionary<string, string> cells)
    {
        var csv = AdminCenterCsvReaderTests.Csv("InteractiveSignIns_header_2025-01-24_57cols.csv", Row(cells));
        var items = ReadText(csv, "InteractiveSignIns_2025-03-04.csv");
        Assert.Empty(items.Problems());
        return Assert.Single(items.SignIns());
    }

    /// <summary>A minimal row (time, id, code) with the cells under test on top.</summary>
    private static Dictionary<string, string> Row(Dictionary<string, string> cells)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Date (UTC)"] = "2025-03-04T09:15:22Z",
            ["Request ID"] = "req-1",
            ["Sign-in error code"] = "50076",
            ["Status"] = "Interrupted",
        };
        foreach (var cell in cells)
        {
            row[cell.Key] = cell.Value;
        }

        return row;
    }
}
