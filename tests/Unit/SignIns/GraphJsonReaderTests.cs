using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

public class GraphJsonReaderTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] PageIds = [InterruptId, "3f9d0c1e-2b4a-4c6d-8e0f-1a2b3c4d0200", "b7e6d5c4-a3b2-4c1d-9e0f-a1b2c3d40300"];

    [Fact]
    public void Beta_pages_yield_every_field_the_classifiers_use()
    {
        var items = ReadFixture("graph-beta-pages.json");

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(PageIds, signIns.Select(s => s.Id));

        var a = signIns[0];
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, TimeSpan.Zero), a.CreatedDateTime);
        Assert.Equal(50076, a.ErrorCode);
        Assert.StartsWith("Due to a configuration change", a.FailureReason, StringComparison.Ordinal);
        Assert.Equal("MFA required in Azure AD", a.AdditionalDetails);
        Assert.Equal("AdeleV@contoso.com", a.UserPrincipalName);
        Assert.Equal("87d349ed-44d7-43e1-9a83-5f2406dee5bd", a.UserId);
        Assert.Equal("04b07795-8ddb-461a-bbee-02f9e1bf7b46", a.AppId);
        Assert.Equal("Microsoft Azure CLI", a.AppDisplayName);
        Assert.Equal("797f4846-ba00-4fd7-ba43-dac1f8f63013", a.ResourceId);
        Assert.True(a.IsInteractive);
        Assert.Equal(["interactiveUser"], a.SignInEventTypes);
        Assert.Equal("ropc", a.AuthenticationProtocol);
        Assert.Equal("none", a.IncomingTokenType);
        Assert.Equal("python-requests/2.31.0", a.UserAgent);
        Assert.Equal("Mobile Apps and Desktop clients", a.ClientAppUsed);
        Assert.Equal("multiFactorAuthentication", a.AuthenticationRequirement);
        Assert.Equal("multiConditionalAccess", Assert.Single(a.AuthenticationRequirementPolicies).RequirementProvider);
        Assert.Equal(["Password"], a.AuthenticationMethodsUsed);
        Assert.Equal("failure", a.ConditionalAccessStatus);
        Assert.Equal("AzureAD", a.TokenIssuerType);
        Assert.Null(a.TokenIssuerName);
        Assert.Equal("member", a.UserType);
        Assert.Equal(8075, a.AutonomousSystemNumber);
        Assert.Equal(("Seattle", "Washington", "US"), (a.City, a.State, a.CountryOrRegion));
        Assert.Equal(("Linux", "Python Requests 2.31", false, false), (a.OperatingSystem, a.Browser, a.IsCompliant, a.IsManaged));
        Assert.Null(a.DeviceId);
        Assert.Equal("9c1f3d2e-5b7a-4e8f-a1c2-3d4e5f6a7b8c", a.SessionId);
        Assert.Equal("a5e3c2b1-7d64-4c3f-9a77-0e2f4b1c9d10", a.CorrelationId);
        Assert.Equal("Corporate egress", Assert.Single(Assert.Single(a.NetworkLocationDetails).NetworkNames));
        Assert.Empty(a.SessionLifetimePolicies);
        Assert.Empty(a.RiskEventTypes);
        Assert.EndsWith("graph-beta-pages.json#1", a.Source, StringComparison.Ordinal);

        var strength = a.AppliedConditionalAccessPolicies[0];
        Assert.Equal("Require phishing-resistant MFA for Azure management", strength.DisplayName);
        Assert.Equal("failure", strength.Result);
        Assert.Equal("00000000-0000-0000-0000-000000000004", strength.AuthenticationStrengthId);
        Assert.Equal("Phishing-resistant MFA", strength.AuthenticationStrengthDisplayName);
        Assert.Equal("singleChallengeRequired", strength.AuthenticationStrengthResult);
        var block = a.AppliedConditionalAccessPolicies[1];
        Assert.Equal(["Block"], block.EnforcedGrantControls);
        Assert.Equal("notApplied", block.Result);
        Assert.Null(block.AuthenticationStrengthResult);

        var step = a.AuthenticationDetails[1];
        Assert.Equal("Phishing-resistant MFA", step.AuthenticationStepRequirement);
        Assert.Equal("MFA required in Azure AD", step.AuthenticationStepResultDetail);
        Assert.False(step.Succeeded);
        Assert.Null(step.AuthenticationMethod);
        Assert.Equal(a.CreatedDateTime, step.AuthenticationStepDateTime);
        Assert.Equal(("Password", "Password in the cloud", true), (a.AuthenticationDetails[0].AuthenticationMethod, a.AuthenticationDetails[0].AuthenticationMethodDetail, a.AuthenticationDetails[0].Succeeded));

        var b = signIns[1];
        Assert.Equal(0, b.ErrorCode);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 16, 5, TimeSpan.Zero).AddTicks(3141592), b.CreatedDateTime);
        Assert.Equal("satisfied", b.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.Equal("signInFrequencyPeriodicReauthentication", Assert.Single(b.SessionLifetimePolicies).ExpirationRequirement);
        Assert.Equal(("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", "ADELE-LAPTOP", true, "Azure AD joined"), (b.DeviceId, b.DeviceDisplayName, b.IsCompliant, b.TrustType));
        Assert.Equal("primaryRefreshToken", b.IncomingTokenType);
        Assert.Equal("FIDO2 security key", b.AuthenticationDetails[1].AuthenticationMethod);

        var c = signIns[2];
        Assert.Equal(50079, c.ErrorCode);
        Assert.False(c.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], c.SignInEventTypes);
        Assert.Equal("refreshTokenV3Preview", c.IncomingTokenType);
        Assert.Equal("singleRegistrationRequired", Assert.Single(c.AppliedConditionalAccessPolicies).AuthenticationStrengthResult);
        Assert.Equal("authenticationStrengths", Assert.Single(c.AuthenticationRequirementPolicies).RequirementProvider);
        Assert.Equal(["unfamiliarFeatures"], c.RiskEventTypes);
        Assert.Equal("low", c.RiskLevelDuringSignIn);
        Assert.Null(c.AdditionalDetails);
        Assert.Empty(c.AuthenticationMethodsUsed);
    }

    public static TheoryData<string> PageLayouts() => ["array of pages", "one page per line", "pages back to back", "pages with CRLF and BOM"];

    [Theory]
    [MemberData(nameof(PageLayouts))]
    public void Every_page_layout_yields_the_same_records(string layout)
    {
        var pages = Pages();
        var text = layout switch
        {
            "array of pages" => "[" + string.Join(",", pages) + "]",
            "one page per line" => string.Join("\n", pages) + "\n",
            "pages back to back" => string.Concat(pages),
            _ => "\uFEFF" + string.Join("\r\n", pages.Select(p => JsonSerializer.Serialize(JsonDocument.Parse(p).RootElement, Indented))),
        };

        var items = ReadText(text);

        Assert.Empty(items.Problems());
        Assert.Equal(PageIds, items.SignIns().Select(s => s.Id));
    }

    [Fact]
    public void The_admin_center_json_download_is_an_array_of_graph_sign_ins()
    {
        var items = ReadFixture("admin-center-signins.json");

        Assert.Equal(SignInLogFormat.GraphJson, EntraStrongAuth.Engine.SignIns.SignInLogReader.DetectFormat(SignInFixtures.Path("admin-center-signins.json")));
        Assert.Empty(items.Problems());
        Assert.Equal(PageIds, items.SignIns().Select(s => s.Id));
        Assert.Equal("singleChallengeRequired", items.SignIns()[0].AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
    }

    [Fact]
    public void A_v1_page_reads_without_the_beta_fields()
    {
        var a = Assert.Single(ReadFixture("graph-v1-page.json").SignIns());

        Assert.Equal(50076, a.ErrorCode);
        Assert.Equal("AdeleV@contoso.com", a.UserPrincipalName);
        Assert.Equal(2, a.AppliedConditionalAccessPolicies.Count);
        Assert.Null(a.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.Null(a.AuthenticationProtocol);
        Assert.Empty(a.AuthenticationDetails);
        Assert.Empty(a.SignInEventTypes);
    }

    [Fact]
    public void A_single_sign_in_response_with_an_odata_context_is_one_record()
    {
        var text = """{"@odata.context":"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns/$entity","id":"x1","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":50074}}""";

        var signIn = Assert.Single(ReadText(text).SignIns());

        Assert.Equal(("x1", 50074), (signIn.Id, signIn.ErrorCode));
    }

    [Fact]
    public void Numbers_as_strings_and_strings_as_numbers_are_accepted()
    {
        var text = """
            {"value":[{"id":"x","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":"50076","failureReason":7},
              "autonomousSystemNumber":"8075","isInteractive":"true","userType":1,"deviceDetail":{"isCompliant":"False"},
              "authenticationDetails":[{"succeeded":"true","authenticationMethod":42}]}]}
            """;

        var items = ReadText(text);

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal(50076, signIn.ErrorCode);
        Assert.Equal("7", signIn.FailureReason);
        Assert.Equal(8075, signIn.AutonomousSystemNumber);
        Assert.True(signIn.IsInteractive);
        Assert.Equal("1", signIn.UserType);
        Assert.False(signIn.IsCompliant);
        Assert.True(signIn.AuthenticationDetails[0].Succeeded);
        Assert.Equal("42", signIn.AuthenticationDetails[0].AuthenticationMethod);
    }

    [Fact]
    public void Unknown_properties_of_any_shape_and_unknown_enum_values_are_ignored_or_kept()
    {
        var text = """
            {"value":[{"futureObject":{"a":[1,{"b":null}],"c":"d"},"futureArray":[[1],[2,{"x":[]}]],"futureNumber":1.5e10,
              "futureBool":true,"futureNull":null,"id":"x","createdDateTime":"2025-01-01T00:00:00Z",
              "user\u0050rincipalName":"escaped@contoso.com","status":{"errorCode":0,"futureStatus":{"k":1}},
              "authenticationProtocol":"quantumHandshake","appliedConditionalAccessPolicies":[{"result":"reportOnlyFutureValue",
              "authenticationStrength":{"authenticationStrengthResult":"someNewResult","future":[1]},"conditionsSatisfied":"application"}],
              "agent":{"agentType":"notAgentic"}}]}
            """;

        var signIn = Assert.Single(ReadText(text).SignIns());

        Assert.Equal("escaped@contoso.com", signIn.UserPrincipalName);
        Assert.Equal("quantumHandshake", signIn.AuthenticationProtocol);
        Assert.Equal("reportOnlyFutureValue", signIn.AppliedConditionalAccessPolicies[0].Result);
        Assert.Equal("someNewResult", signIn.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
    }

    [Fact]
    public void PascalCase_from_ConvertTo_Json_of_sdk_objects_maps_too()
    {
        var text = """[{"Id":"x","CreatedDateTime":"2025-01-01T10:00:00+02:00","UserPrincipalName":"u@contoso.com","Status":{"ErrorCode":50074,"AdditionalDetails":"d"},"AdditionalProperties":{}}]""";

        var signIn = Assert.Single(ReadText(text).SignIns());

        Assert.Equal(("u@contoso.com", 50074, "d"), (signIn.UserPrincipalName, signIn.ErrorCode, signIn.AdditionalDetails));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero), signIn.CreatedDateTime);
    }

    [Fact]
    public void Escaped_string_values_are_unescaped()
    {
        var text = """[{"id":"x","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":500121,"failureReason":"Authentication failed during strong authentication request.\n\"User declined\" \u00e9"}}]""";

        var signIn = Assert.Single(ReadText(text).SignIns());

        Assert.Equal("Authentication failed during strong authentication request.\n\"User declined\" é", signIn.FailureReason);
    }

    [Fact]
    public void A_utf16_file_from_windows_powershell_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text("admin-center-signins.json"))).ToArray();

        var items = ReadBytes(bytes);

        Assert.Equal(PageIds, items.SignIns().Select(s => s.Id));
    }

    /// <summary>The two pages of the fixture, minified.</summary>
    private static List<string> Pages()
    {
        var bytes = File.ReadAllBytes(SignInFixtures.Path("graph-beta-pages.json"));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var pages = new List<string>();
        while (reader.Read())
        {
            using var page = JsonDocument.ParseValue(ref reader);
            pages.Add(JsonSerializer.Serialize(page.RootElement));
        }

        return pages;
    }
}
