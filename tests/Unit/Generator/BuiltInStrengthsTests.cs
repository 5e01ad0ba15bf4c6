using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.TenantAuth;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>
/// The generator's built-in strengths (what the Graph simulator serves) are the module's shipped table: the offline
/// answer of Get-AuthenticationStrength and the live one against a generated tenant must not differ (issue 18 found
/// 19 combinations offline against 17 live). The shipped file is read here as plain JSON, not through Core's reader.
/// </summary>
public class BuiltInStrengthsTests
{
    [Fact]
    public void Generator_built_ins_equal_the_shipped_file()
    {
        var shipped = ShippedStrengths();
        Assert.Equal(shipped.Select(s => s.Id), BuiltInStrengths.All.Select(s => s.Id));
        foreach (var strength in BuiltInStrengths.All)
        {
            var file = shipped.Single(s => s.Id == strength.Id);
            Assert.Equal(file.Name, strength.DisplayName);
            Assert.Equal(file.Combinations, strength.AllowedCombinations);
            Assert.True(strength.BuiltIn);
        }

        // The two certificate combinations the generator lacked before; 19 is what Graph's v1.0 docs list.
        Assert.Equal(19, BuiltInStrengths.Multifactor.AllowedCombinations.Count);
        Assert.Contains("password,x509CertificateSingleFactor", BuiltInStrengths.Multifactor.AllowedCombinations);
        Assert.Contains("password,x509CertificateMultiFactor", BuiltInStrengths.Multifactor.AllowedCombinations);
    }

    [Fact]
    public void Generated_tenant_serves_the_shipped_built_ins()
    {
        string folder = GeneratedTenant.NewFolder();
        try
        {
            GeneratorRun.Run(GeneratorOptions.Parse(new[] { "--out", folder, "--formats", "tenant-auth", "--days", "1" }));
            using var served = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "tenant-auth", "authenticationStrengthPolicies.json")));
            var builtIns = served.RootElement.GetProperty("value").EnumerateArray()
                .Where(s => s.GetProperty("policyType").GetString() == "builtIn")
                .Select(s => (Id: s.GetProperty("id").GetString()!, Name: s.GetProperty("displayName").GetString()!, Combinations: Combinations(s)))
                .ToArray();
            var shipped = ShippedStrengths();
            Assert.Equal(shipped.Length, builtIns.Length);
            foreach (var file in shipped)
            {
                var generated = builtIns.Single(s => s.Id == file.Id);
                Assert.Equal(file.Name, generated.Name);
                Assert.Equal(file.Combinations, generated.Combinations);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string Id, string Name, string[] Combinations)[] ShippedStrengths()
    {
        var path = Path.Combine(RepositoryFolder.Root(), "src", "Core", "Data", "authentication-strengths.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("strengths").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("displayName").GetString()!, Combinations(s)))
            .ToArray();
    }

    private static string[] Combinations(JsonElement strength) =>
        strength.GetProperty("allowedCombinations").EnumerateArray().Select(c => c.GetString()!).ToArray();
}
