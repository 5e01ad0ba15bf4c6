using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

public class LogAnalyticsReaderTests
{
    [Theory]
    [InlineData("aad_logons.json", SignInLogFormat.LogAnalyticsJson)]
    [InlineData("aad_logons.csv", SignInLogFormat.LogAnalyticsCsv)]
    public void Real_msticpy_rows_keep_result_type_upn_app_requirement_and_ca_status(string fixture, SignInLogFormat format)
    {
        using var raw = JsonDocument.Parse(File.ReadAllText(SignInFixtures.Path("aad_logons.json")));
        var rows = raw.RootElement.EnumerateArray().ToList();

        Assert.Equal(format, EntraStrongAuth.Engine.SignIns.SignInLogReader.DetectFormat(SignInFixtures.Path(fixture)));
        var items = ReadFixture(fixture);

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(86, signIns.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var signIn = signIns[i];
            Assert.Equal(row.GetProperty("Id").GetString(), signIn.Id);
            Assert.Equal(int.Parse(row.GetProperty("ResultType").GetString()!, CultureInfo.InvariantCulture), signIn.ErrorCode);
            Assert.Equal(row.GetProperty("UserPrincipalName").GetString(), signIn.UserPrincipalName);
            Assert.Equal(row.GetProperty("AppId").GetString(), signIn.AppId);
            Assert.Equal(NullIfEmpty(row.GetProperty("AuthenticationRequirement").GetString()), signIn.AuthenticationRequirement);
            Assert.Equal(row.GetProperty("ConditionalAccessStatus").GetString(), signIn.ConditionalAccessStatus);
            Assert.Equal(DateTimeOffset.Parse(row.GetProperty("CreatedDateTime").GetString()!, CultureInfo.InvariantCulture), signIn.CreatedDateTime);
            Assert.Equal(NullIfEmpty(row.GetProperty("ResourceIdentity").GetString()), signIn.ResourceId);
            Assert.Equal(row.GetProperty("IsInteractive").GetBoolean(), signIn.IsInteractive);
            Assert.Equal(row.GetProperty("ConditionalAccessPolicies").GetArrayLength(), signIn.AppliedConditionalAccessPolicies.Count);
            using var steps = JsonDocument.Parse(row.GetProperty("AuthenticationDetails").GetString()!);
            Assert.Equal(steps.RootElement.GetArrayLength(), signIn.AuthenticationDetails.Count);
            Assert.Equal(NullIfEmpty(row.GetProperty("LocationDetails").GetProperty("city").GetString()), signIn.City);
            Assert.Equal(NullIfEmpty(row.GetProperty("DeviceDetail").GetProperty("operatingSystem").GetString()), signIn.OperatingSystem);
        }

        Assert.Equal(84, signIns.Count(s => s.ErrorCode == 0));
        var guest = signIns.Where(s => s.ErrorCode == 90072).ToList();
        Assert.Equal(2, guest.Count);
        Assert.All(guest, s => Assert.Equal("Other", s.FailureReason));
        Assert.Equal(44, signIns.Count(s => s.AuthenticationRequirement == "singleFactorAuthentication"));
        Assert.Equal(1, signIns.Count(s => s.AuthenticationRequirement == "multiFactorAuthentication"));
        Assert.Equal(56, signIns.Count(s => s.ConditionalAccessStatus == "success"));
        Assert.Contains(signIns, s => s.AuthenticationDetails.Any(d => d.AuthenticationMethod == "CloudOnlyPassword" && d.Succeeded == true));
        Assert.Contains(signIns, s => s.AppliedConditionalAccessPolicies.Any(p => p.EnforcedGrantControls.Contains("Mfa")));
    }

    [Theory]
    [InlineData("la-signinlogs-nested.json")]
    [InlineData("la-signinlogs-strings.ndjson")]
    [InlineData("la-signinlogs-portal.csv")]
    public void Dynamic_columns_nested_or_as_json_text_read_the_same(string fixture)
    {
        var items = ReadFixture(fixture);

        Assert.Empty(items.Problems());
        var a = items.SignIns().Single(s => s.Id == InterruptId);
        Assert.Equal(50076, a.ErrorCode);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, TimeSpan.Zero), a.CreatedDateTime);
        Assert.Equal("797f4846-ba00-4fd7-ba43-dac1f8f63013", a.ResourceId);
        Assert.Equal(("Seattle", "US"), (a.City, a.CountryOrRegion));
        Assert.Equal("singleChallengeRequired", a.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.Equal("MFA required in Azure AD", a.AuthenticationDetails[1].AuthenticationStepResultDetail);
        Assert.Equal("MFA required in Azure AD", a.AdditionalDetails);
        Assert.Equal("multiConditionalAccess", a.AuthenticationRequirementPolicies[0].RequirementProvider);
        Assert.Equal(["Password"], a.AuthenticationMethodsUsed);
        Assert.Equal("Linux", a.OperatingSystem);
        Assert.Equal(8075, a.AutonomousSystemNumber);
        Assert.True(a.IsInteractive);
        Assert.Equal(["interactiveUser"], a.SignInEventTypes);
    }

    [Fact]
    public void The_non_interactive_table_says_non_interactive()
    {
        var c = ReadFixture("la-signinlogs-strings.ndjson").SignIns().Single(s => s.ErrorCode == 50079);

        Assert.False(c.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], c.SignInEventTypes);
        Assert.Equal("Previously satisfied", Assert.Single(c.AuthenticationDetails).AuthenticationMethod);
        Assert.Equal("singleRegistrationRequired", c.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.Empty(c.AuthenticationMethodsUsed);
        Assert.Equal(["unfamiliarFeatures"], c.RiskEventTypes);
    }

    [Fact]
    public void The_portal_csv_reads_its_en_us_times_and_utc_headers()
    {
        var items = ReadFixture("la-signinlogs-portal.csv");

        var b = items.SignIns()[1];
        Assert.Equal(0, b.ErrorCode);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 16, 5, 314, TimeSpan.Zero), b.CreatedDateTime);
        Assert.Equal("satisfied", b.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.EndsWith("la-signinlogs-portal.csv#2", b.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_created_date_time_the_time_generated_is_used_and_type_says_which_table()
    {
        var text = """{"TimeGenerated":"2025-02-01T08:00:00.123Z","ResultType":"50074","UserPrincipalName":"u@contoso.com","Type":"AADNonInteractiveUserSignInLogs"}""" + "\n";

        var signIn = Assert.Single(ReadText(text).SignIns());

        Assert.Equal(new DateTimeOffset(2025, 2, 1, 8, 0, 0, 123, TimeSpan.Zero), signIn.CreatedDateTime);
        Assert.Equal(50074, signIn.ErrorCode);
        Assert.False(signIn.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], signIn.SignInEventTypes);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
