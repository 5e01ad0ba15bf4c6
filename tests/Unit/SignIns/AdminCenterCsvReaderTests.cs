using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

public class AdminCenterCsvReaderTests
{
    public static TheoryData<string> HeaderVersions() =>
    [
        "InteractiveSignIns_header_2024-10-23_54cols.csv",
        "InteractiveSignIns_header_2024-11-20_55cols.csv",
        "InteractiveSignIns_header_2025-01-24_57cols.csv",
    ];

    /// <summary>Record A of the Graph fixtures as the admin center writes it (display strings), by header name.</summary>
    internal static readonly Dictionary<string, string> Interrupt = new(StringComparer.Ordinal)
    {
        ["Date (UTC)"] = "2025-03-04T09:15:22Z",
        ["Request ID"] = InterruptId,
        ["User agent"] = "python-requests/2.31.0",
        ["Correlation ID"] = "a5e3c2b1-7d64-4c3f-9a77-0e2f4b1c9d10",
        ["User ID"] = "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
        ["User"] = "Adele Vance",
        ["Username"] = "AdeleV@contoso.com",
        ["User type"] = "Member",
        ["Cross tenant access type"] = "None",
        ["Incoming token type"] = "None",
        ["Authentication Protocol"] = "ROPC",
        ["Original transfer method"] = "None",
        ["Client credential type"] = "None",
        ["Application"] = "Microsoft Azure CLI",
        ["Application ID "] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
        ["Resource"] = "Windows Azure Service Management API",
        ["Resource ID "] = "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        ["Home tenant ID"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["IP address"] = "203.0.113.24",
        ["Location"] = "Seattle, Washington, US",
        ["Status"] = "Interrupted",
        ["Sign-in error code"] = "50076",
        ["Failure reason"] = "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'.",
        ["Client app"] = "Mobile Apps and Desktop clients",
        ["Browser"] = "Python Requests 2.31",
        ["Operating System"] = "Linux",
        ["Compliant"] = "No",
        ["Managed"] = "No",
        ["Multifactor authentication result"] = "MFA required in Azure AD",
        ["Multifactor authentication auth method"] = "Text message",
        ["Multifactor authentication auth detail"] = "+X XXXXXXXX12",
        ["Authentication requirement"] = "Multifactor authentication",
        ["Session ID"] = "9c1f3d2e-5b7a-4e8f-a1c2-3d4e5f6a7b8c",
        ["Autonomous system  number"] = "8075",
        ["Token issuer type"] = "AzureAD",
        ["Latency"] = "118",
        ["Conditional Access"] = "Failure",
    };

    private static readonly Dictionary<string, string> Success = new(StringComparer.Ordinal)
    {
        ["Date (UTC)"] = "2025-03-04T09:20:00Z",
        ["Request ID"] = "req-2",
        ["User agent"] = "Mozilla/5.0 \"quoted\", with comma",
        ["Username"] = "AdeleV@contoso.com",
        ["Status"] = "Success",
        ["Sign-in error code"] = string.Empty,
        ["Failure reason"] = "first line\r\nsecond line",
        ["Authentication requirement"] = "Single-factor authentication",
        ["Conditional Access"] = "Not Applied",
        ["Location"] = ", , DE",
        ["Incoming token type"] = "Primary Refresh Token",
    };

    [Theory]
    [MemberData(nameof(HeaderVersions))]
    public void Every_header_version_maps_by_name(string headerFixture)
    {
        var csv = Csv(headerFixture, Interrupt, Success);

        var items = ReadText(csv, "InteractiveSignIns_2025-03-04_2025-03-05.csv");

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(2, signIns.Count);
        var a = signIns[0];
        Assert.Equal(InterruptId, a.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, TimeSpan.Zero), a.CreatedDateTime);
        Assert.Equal(50076, a.ErrorCode);
        Assert.Equal(("AdeleV@contoso.com", "Adele Vance"), (a.UserPrincipalName, a.UserDisplayName));
        Assert.Equal("04b07795-8ddb-461a-bbee-02f9e1bf7b46", a.AppId);
        Assert.Equal("797f4846-ba00-4fd7-ba43-dac1f8f63013", a.ResourceId);
        Assert.Equal(8075, a.AutonomousSystemNumber);
        Assert.Equal(("Seattle", "Washington", "US"), (a.City, a.State, a.CountryOrRegion));
        Assert.Equal("failure", a.ConditionalAccessStatus);
        Assert.Equal("multiFactorAuthentication", a.AuthenticationRequirement);
        Assert.Equal("ropc", a.AuthenticationProtocol);
        Assert.Equal("none", a.IncomingTokenType);
        Assert.Equal("member", a.UserType);
        Assert.Equal((false, false), (a.IsCompliant, a.IsManaged));
        Assert.True(a.IsInteractive);
        Assert.Equal(["interactiveUser"], a.SignInEventTypes);
        Assert.Equal("MFA required in Azure AD", Assert.Single(a.AuthenticationDetails).AuthenticationStepResultDetail);
        Assert.Equal(("Text message", "+X XXXXXXXX12"), (a.MfaAuthMethod, a.MfaAuthDetail));
        Assert.Equal(("Text message", "+X XXXXXXXX12"), (a.AuthenticationDetails[0].AuthenticationMethod, a.AuthenticationDetails[0].AuthenticationMethodDetail));
        Assert.Equal(headerFixture.Contains("54cols", StringComparison.Ordinal) ? null : "9c1f3d2e-5b7a-4e8f-a1c2-3d4e5f6a7b8c", a.SessionId);
        Assert.EndsWith(".csv#1", a.Source, StringComparison.Ordinal);

        var b = signIns[1];
        Assert.Equal(0, b.ErrorCode);
        Assert.Equal("Mozilla/5.0 \"quoted\", with comma", b.UserAgent);
        Assert.Equal("first line\r\nsecond line", b.FailureReason);
        Assert.Equal("singleFactorAuthentication", b.AuthenticationRequirement);
        Assert.Equal("notApplied", b.ConditionalAccessStatus);
        Assert.Equal("primaryRefreshToken", b.IncomingTokenType);
        Assert.Equal((null, null, "DE"), (b.City, b.State, b.CountryOrRegion));
    }

    [Fact]
    public void The_duplicated_incoming_token_type_column_takes_the_filled_cell()
    {
        var header = Text("InteractiveSignIns_header_2025-01-24_57cols.csv").TrimEnd();
        var columns = header.Split(',').Length;
        var cells = Enumerable.Repeat(string.Empty, columns).ToArray();
        var names = header.Split(',').Select(h => h.Trim('"')).ToArray();
        cells[Array.IndexOf(names, "Date (UTC)")] = "2025-03-04T09:15:22Z";
        cells[Array.IndexOf(names, "Sign-in error code")] = "50074";
        cells[Array.LastIndexOf(names, "Incoming token type")] = "Refresh token";

        var signIn = Assert.Single(ReadText(header + "\r\n" + string.Join(",", cells) + "\r\n", "x.csv").SignIns());

        Assert.Equal("refreshToken", signIn.IncomingTokenType);
    }

    [Fact]
    public void The_non_interactive_download_is_told_by_its_file_name()
    {
        var csv = Csv("InteractiveSignIns_header_2025-01-24_57cols.csv", Interrupt);

        var signIn = Assert.Single(ReadText(csv, "NonInteractiveSignIns_2025-03-04_2025-03-05.csv").SignIns());

        Assert.False(signIn.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], signIn.SignInEventTypes);
    }

    [Theory]
    [InlineData("Application ID ", "AppId")]
    [InlineData("Resource ID ", "ResourceId")]
    [InlineData("Autonomous system  number", "AutonomousSystemNumber")]
    [InlineData("  sign-in ERROR code ", "ErrorCode")]
    [InlineData("Token Protection - Sign In Session", "None")]
    public void Header_names_are_trimmed_collapsed_and_case_insensitive(string header, string field)
    {
        Assert.Equal(field, AdminCenterCsvColumns.Resolve(header).ToString());
    }

    /// <summary>A download with the header of <paramref name="headerFixture"/> and rows given by header name.</summary>
    internal static string Csv(string headerFixture, params Dictionary<string, string>[] rows)
    {
        var header = Text(headerFixture).TrimEnd('\r', '\n');
        var names = header.Split(',').Select(h => h.Trim('"')).ToList();
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            var seen = new HashSet<string>();
            text.Append(string.Join(",", names.Select(n => seen.Add(n) && row.TryGetValue(n, out var v) ? Quote(v) : "\"\""))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
