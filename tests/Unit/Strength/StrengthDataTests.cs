using System;
using System.IO;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Strength;
using Xunit;

namespace EntraStrongAuth.Tests.Strength;

public class StrengthDataTests
{
    /// <summary>authenticationMethodModes members (Graph v1.0, plus the evolvable qrCodePin).</summary>
    private static readonly string[] KnownModes =
    {
        "password", "voice", "hardwareOath", "softwareOath", "sms", "fido2", "windowsHelloForBusiness", "microsoftAuthenticatorPush",
        "deviceBasedPush", "temporaryAccessPassOneTime", "temporaryAccessPassMultiUse", "email", "x509CertificateSingleFactor",
        "x509CertificateMultiFactor", "federatedSingleFactor", "federatedMultiFactor", "qrCodePin",
    };

    private static Stream Json(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Built_in_strengths_are_the_three_graph_returns()
    {
        var data = StrengthData.BuiltIn;

        Assert.Equal(new[] { AuthenticationStrength.MultifactorId, AuthenticationStrength.PasswordlessMfaId, AuthenticationStrength.PhishingResistantMfaId }, data.Strengths.Select(s => s.Id));
        Assert.All(data.Strengths, s => Assert.True(s.IsBuiltIn));
        // The order and spelling of GET /policies/authenticationStrengthPolicies (v1.0 docs sample).
        Assert.Equal(
            new[]
            {
                "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush", "temporaryAccessPassOneTime",
                "temporaryAccessPassMultiUse", "password,microsoftAuthenticatorPush", "password,softwareOath", "password,hardwareOath",
                "password,x509CertificateSingleFactor", "password,x509CertificateMultiFactor", "password,sms", "password,voice",
                "federatedMultiFactor", "microsoftAuthenticatorPush,federatedSingleFactor", "softwareOath,federatedSingleFactor",
                "hardwareOath,federatedSingleFactor", "sms,federatedSingleFactor", "voice,federatedSingleFactor",
            },
            data.FindStrength(AuthenticationStrength.MultifactorId)!.AllowedCombinations);
        Assert.Equal(new[] { "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "deviceBasedPush" }, data.FindStrength("passwordless mfa")!.AllowedCombinations);
        Assert.Equal(new[] { "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor" }, data.FindStrength("Phishing-resistant MFA")!.AllowedCombinations);
        Assert.Null(data.FindStrength("Strong"));
    }

    [Fact]
    public void Every_mode_of_the_built_in_strengths_is_provided_by_some_method_except_federation()
    {
        var provided = StrengthData.BuiltIn.MethodModes.SelectMany(e => e.Provides).Select(g => g.Mode).ToHashSet(StringComparer.Ordinal);
        var modes = StrengthData.BuiltIn.Strengths.SelectMany(s => s.AllowedCombinations).SelectMany(StrengthCombination.Modes).Distinct();

        Assert.Equal(new[] { "federatedMultiFactor", "federatedSingleFactor" }, modes.Where(m => !provided.Contains(m)).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public void Method_table_uses_only_known_modes_and_each_key_once()
    {
        var entries = StrengthData.BuiltIn.MethodModes;
        var keys = entries.SelectMany(e => e.Keys).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(entries.SelectMany(e => e.Provides), g => Assert.Contains(g.Mode, KnownModes));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Label + " has no source"));
        Assert.All(entries.Where(e => e.Suggest), e => Assert.NotEmpty(e.Provides));
    }

    [Theory]
    [InlineData("#microsoft.graph.fido2AuthenticationMethod", "fido2")]
    [InlineData("passKeyDeviceBound", "fido2")]
    [InlineData("passKeyDeviceBoundAuthenticator", "fido2")]
    [InlineData("passKeyDeviceBoundWindowsHello", "fido2")]
    [InlineData("passKeySynced", "fido2")]
    [InlineData("microsoftAuthenticatorPasswordless", "deviceBasedPush")]
    [InlineData("windowsHelloForBusiness", "windowsHelloForBusiness")]
    [InlineData("macOsSecureEnclaveKey", "windowsHelloForBusiness")]
    [InlineData("softwareOneTimePasscode", "softwareOath")]
    [InlineData("hardwareOneTimePasscode", "hardwareOath")]
    [InlineData("mobilePhone", "sms,sms,voice")]
    [InlineData("alternateMobilePhone", "voice")]
    [InlineData("officePhone", "voice")]
    [InlineData("qrCode", "qrCodePin")]
    [InlineData("email", "email")]
    [InlineData("externalAuthMethod", "")]
    public void Registration_report_and_graph_kinds_map_to_modes(string kind, string modes)
    {
        var entry = StrengthData.BuiltIn.FindMethod(RegisteredMethod.NormalizeKind(kind));

        Assert.NotNull(entry);
        Assert.Equal(modes, string.Join(",", entry!.Provides.Select(g => g.Mode)));
    }

    [Fact]
    public void Reader_lists_every_problem_of_a_bad_method_file()
    {
        const string Bad = "{\"schemaVersion\": 1, \"methods\": [ {\"label\": \"x\", \"keys\": [\"k\"], \"provides\": [ {\"mode\": \"sms\", \"roles\": [\"first\"], \"policy\": [\"Texts\"]} ]}, {\"keys\": []} ]}";

        var ex = Assert.Throws<StrengthDataException>(() => StrengthDataReader.ReadMethodModes(Json(Bad), "bad.json"));

        Assert.Contains(ex.Problems, p => p.Contains("primary and/or secondary", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'Texts' is not one of", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("bad.json: method 2, field 'label'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("bad.json: method 2, field 'keys'", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_rejects_another_schema_version()
    {
        var ex = Assert.Throws<StrengthDataException>(() => StrengthDataReader.ReadStrengths(Json("{\"schemaVersion\": 2, \"strengths\": []}"), "s.json"));

        Assert.Contains("schema version 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_files_replace_a_built_in_strength_by_id_add_custom_ones_and_override_method_rows()
    {
        var dir = Directory.CreateTempSubdirectory("strength-data-");
        try
        {
            var strengths = Path.Combine(dir.FullName, "strengths.json");
            File.WriteAllText(strengths, """
                {"schemaVersion": 1, "strengths": [
                  {"id": "00000000-0000-0000-0000-000000000004", "displayName": "Phishing-resistant MFA", "policyType": "builtIn",
                   "allowedCombinations": ["windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor", "qrCodePin"]},
                  {"id": "aaaaaaaa-0000-0000-0000-000000000001", "displayName": "YubiKeys", "allowedCombinations": ["fido2"],
                   "combinationConfigurations": [{"appliesToCombinations": ["fido2"], "allowedAAGUIDs": ["2fc0579f-8113-47ea-b116-bb5a8db9202a"]}]}
                ]}
                """);
            var methods = Path.Combine(dir.FullName, "methods.json");
            File.WriteAllText(methods, """
                {"schemaVersion": 1, "methods": [
                  {"label": "Phone, text only", "keys": ["mobilePhone"], "provides": [{"mode": "sms", "roles": ["secondary"], "policy": ["Sms"]}], "source": "test"}
                ]}
                """);

            var data = StrengthData.BuiltIn.Combine(new[] { strengths, methods });

            Assert.Equal(4, data.Strengths.Count);
            Assert.Contains("qrCodePin", data.FindStrength(AuthenticationStrength.PhishingResistantMfaId)!.AllowedCombinations);
            var yubi = data.FindStrength("yubikeys")!;
            Assert.False(yubi.IsBuiltIn);
            Assert.Equal("2fc0579f-8113-47ea-b116-bb5a8db9202a", Assert.Single(Assert.Single(yubi.CombinationConfigurations).AllowedAaguids));
            Assert.Equal("Phone, text only", data.FindMethod("mobilePhone")!.Label);
            // The built-in row lost only the key the user row took.
            Assert.Equal("Mobile phone (text message or voice call)", data.FindMethod("phoneAuthenticationMethod/mobile")!.Label);
            Assert.Equal(3, StrengthData.BuiltIn.Strengths.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_with_neither_table_is_rejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"schemaVersion\": 1, \"apps\": []}");

            Assert.Throws<StrengthDataException>(() => StrengthData.BuiltIn.Combine(new[] { file }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
