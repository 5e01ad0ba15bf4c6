using System;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Policies;
using Xunit;

namespace EntraStrongAuth.Tests.Policies;

/// <summary>The strength and Conditional Access parsers on Graph-documented and Graph-shaped JSON, through the file reader.</summary>
public class PolicyParserTests
{
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Policies", "Fixtures", name);

    private static StrongAuthPolicy Policy(PolicyFileContent content, string prefix) =>
        content.Policies.Single(p => p.DisplayName.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Graph_docs_strength_list_reads_the_three_built_ins_like_the_embedded_data()
    {
        var content = PolicyFileReader.Read(Fixture("strengths.v1-list.json"));

        Assert.Empty(content.Problems);
        Assert.Empty(content.Policies);
        Assert.Equal(3, content.Strengths.Count);
        foreach (var strength in content.Strengths)
        {
            var builtIn = StrengthData.BuiltIn.FindStrength(strength.Id)!;
            Assert.True(strength.IsBuiltIn);
            Assert.Equal("mfa", strength.RequirementsSatisfied);
            Assert.Equal(builtIn.AllowedCombinations, strength.AllowedCombinations);
            Assert.Empty(strength.CombinationConfigurations);
        }
    }

    [Fact]
    public void Custom_strength_keeps_its_FIDO2_AAGUID_and_certificate_configurations()
    {
        var content = PolicyFileReader.Read(Fixture("strengths.page.json"));

        var keys = content.Strengths.Single(s => s.DisplayName == "Contoso YubiKeys");
        Assert.Equal("custom", keys.PolicyType);
        Assert.False(keys.IsBuiltIn);
        var fido2 = Assert.Single(keys.CombinationConfigurations);
        Assert.True(fido2.IsFido2);
        Assert.Equal(new[] { "fido2" }, fido2.AppliesToCombinations);
        Assert.Equal(new[] { "dcf6eadd-31fd-49e5-b84e-44035a5e6295", "e0d9c83d-f035-45b2-8d98-345903f91e29" }, fido2.AllowedAaguids);
        Assert.True(fido2.Allows(new RegisteredMethod("fido2AuthenticationMethod") { Aaguid = "E0D9C83D-F035-45B2-8D98-345903F91E29" }));
        Assert.False(fido2.Allows(new RegisteredMethod("fido2AuthenticationMethod") { Aaguid = "00000000-0000-0000-0000-000000000000" }));

        var cards = content.Strengths.Single(s => s.DisplayName == "Contoso smart cards");
        var x509 = Assert.Single(cards.CombinationConfigurations);
        Assert.True(x509.IsCertificate);
        Assert.Equal(new[] { "9A4248C6AC8C2931AB2A86537818E92E7B6C97B6" }, x509.AllowedIssuerSkis);
        Assert.Equal(new[] { "1.2.3.4.6" }, x509.AllowedPolicyOids);

        // The configuration of an unknown kind is left out with a warning, never a silent "no restriction" claim.
        var warning = Assert.Single(content.Problems);
        Assert.True(warning.IsWarning);
        Assert.Equal("StrengthConfigurationUnknown", warning.ErrorId);
        Assert.Equal(cards.Id, warning.Id);
        Assert.Contains("futureCombinationConfiguration", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_modes_policy_types_and_properties_stay_as_Graph_wrote_them()
    {
        var content = PolicyFileReader.Read(Fixture("strengths.page.json"));

        var kiosk = content.Strengths.Single(s => s.DisplayName == "Kiosk QR code");
        Assert.Equal("unknownFutureValue", kiosk.PolicyType);
        Assert.Equal("none", kiosk.RequirementsSatisfied);
        Assert.Equal(new[] { "qrCodePin", "password,sms" }, kiosk.AllowedCombinations);
        Assert.Equal(6, content.Strengths.Count);
        Assert.Equal("Phishing resistant MFA", content.Strengths.Single(s => s.Id == AuthenticationStrength.PhishingResistantMfaId).DisplayName);
    }

    [Fact]
    public void Beta_policies_read_state_grant_scope_and_sign_in_frequency()
    {
        var content = PolicyFileReader.Read(Fixture("ca-policies.beta.json"));
        Assert.Empty(content.Problems);
        Assert.Equal(7, content.Policies.Count);

        var all = Policy(content, "CA001");
        Assert.Equal(PolicyState.On, all.StateValue);
        Assert.True(all.RequiresMfa);
        Assert.Null(all.AuthenticationStrengthId);
        Assert.Equal("MFA", all.Requires);
        Assert.Equal(new[] { "All" }, all.IncludeUsers);
        Assert.Equal("internalGuest,b2bCollaborationGuest", all.ExcludeGuestsOrExternalUsers);
        Assert.Equal("All users -2 -guests", all.UsersSummary);
        Assert.Equal("All apps", all.AppsSummary);
        Assert.Equal("4 hours", all.SignInFrequency!.ToString());
        Assert.Equal("timeBased", all.SignInFrequency.FrequencyInterval);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), all.CreatedDateTime);
        Assert.Equal(new[] { "all" }, all.ClientAppTypes);
    }

    [Fact]
    public void Report_only_policy_with_an_expanded_strength()
    {
        var content = PolicyFileReader.Read(Fixture("ca-policies.beta.json"));

        var admins = Policy(content, "CA002");
        Assert.Equal("enabledForReportingButNotEnforced", admins.State);
        Assert.Equal(PolicyState.ReportOnly, admins.StateValue);
        Assert.True(admins.IsReportOnly);
        Assert.False(admins.RequiresMfa);
        Assert.True(admins.DemandsStrongAuthentication);
        Assert.Equal(AuthenticationStrength.PhishingResistantMfaId, admins.AuthenticationStrengthId);
        Assert.Equal(3, admins.AuthenticationStrength!.AllowedCombinations.Count);
        Assert.Equal("Phishing-resistant MFA", admins.Requires);
        Assert.Equal("2 roles", admins.UsersSummary);
        Assert.Null(admins.ModifiedDateTime);
        Assert.Null(admins.SignInFrequency);
    }

    [Fact]
    public void Unknown_state_and_guest_types_stay_strings()
    {
        var content = PolicyFileReader.Read(Fixture("ca-policies.beta.json"));

        var guests = Policy(content, "CA006");
        Assert.Equal("enabledForFutureMode", guests.State);
        Assert.Equal(PolicyState.Unknown, guests.StateValue);
        Assert.Equal("b2bCollaborationGuest,b2bCollaborationMember,someFutureGuestType", guests.IncludeGuestsOrExternalUsers);
        Assert.Equal("guests", guests.UsersSummary);
        Assert.Equal("MFA and compliantApplication", guests.Requires);
        Assert.Equal("All apps -2", guests.AppsSummary);
        Assert.True(guests.SignInFrequency!.IsEveryTime);
        Assert.Equal("every time", guests.SignInFrequency.ToString());

        var registration = Policy(content, "CA005");
        Assert.Equal(PolicyState.Off, registration.StateValue);
        Assert.Equal("registersecurityinfo", registration.AppsSummary);
        Assert.Equal("All users -guests", registration.UsersSummary);
    }

    [Fact]
    public void Graph_docs_single_policy_reads_as_one_record()
    {
        var content = PolicyFileReader.Read(Fixture("ca-policy.v1-get.json"));

        var policy = Assert.Single(content.Policies);
        Assert.Equal("Demo app for documentation", policy.DisplayName);
        Assert.Equal(PolicyState.Off, policy.StateValue);
        Assert.Equal("MFA or compliantDevice or domainJoinedDevice or approvedApplication or compliantApplication", policy.Requires);
        Assert.Equal(3, policy.IncludeRoles.Count);
        Assert.Equal("1 user, 3 roles -2 -guests", policy.UsersSummary);
        Assert.Equal("All apps -7", policy.AppsSummary);
        Assert.Equal("4 hours", policy.SignInFrequency!.ToString());
    }

    [Fact]
    public void A_policy_of_an_unreadable_shape_is_a_problem_with_its_record_and_the_others_still_read()
    {
        var content = PolicyFileReader.Read(Fixture("ca-policies.bad.json"));

        var good = Assert.Single(content.Policies);
        Assert.Equal("CA100: Require MFA for contractors", good.DisplayName);
        Assert.Equal("1 group", good.UsersSummary);
        Assert.Equal(2, content.Problems.Count);
        var bad = content.Problems[0];
        Assert.Equal("PolicyRecordInvalid", bad.ErrorId);
        Assert.Equal(2, bad.Record);
        Assert.Equal("ad84d260-91ef-4c23-8eb0-5f918f0c2d09", bad.Id);
        Assert.Contains("conditions", bad.Message, StringComparison.Ordinal);
        Assert.Contains("ca-policies.bad.json, record 2", bad.ToString(), StringComparison.Ordinal);
        Assert.Equal("PolicyRecordUnrecognized", content.Problems[1].ErrorId);
        Assert.Equal(3, content.Problems[1].Record);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_one_problem_not_an_exception()
    {
        var content = PolicyFileReader.Read(Fixture("not-json.json"));

        Assert.Empty(content.Policies);
        var problem = Assert.Single(content.Problems);
        Assert.Equal("PolicyFileUnreadable", problem.ErrorId);
        Assert.False(problem.IsWarning);
    }

    [Fact]
    public void Graph_PowerShell_output_with_PascalCase_names_reads_too()
    {
        using var file = new TempJson("""
            [{"Id":"p1","DisplayName":"PS export","State":"enabled",
              "Conditions":{"Users":{"IncludeUsers":["All"]},"Applications":{"IncludeApplications":["Office365"]}},
              "GrantControls":{"Operator":"OR","BuiltInControls":["mfa"],"AuthenticationStrength":{"Id":null}},
              "SessionControls":{"SignInFrequency":{"IsEnabled":true,"Value":1,"Type":"days"}}}]
            """);
        var content = PolicyFileReader.Read(file.Path);

        Assert.Empty(content.Problems);
        var policy = Assert.Single(content.Policies);
        Assert.True(policy.RequiresMfa);
        Assert.Equal("Office365", policy.AppsSummary);
        Assert.Equal("1 day", policy.SignInFrequency!.ToString());
    }

    private sealed class TempJson : IDisposable
    {
        public TempJson(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esa-policy-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
