using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>--formats tenant-auth: opt-in, no sign-in file of its own, Graph JSON consistent with the personas.</summary>
public class TenantAuthFilesTests
{
    [Fact]
    public void Tenant_auth_is_opt_in_and_not_a_sign_in_format()
    {
        Assert.False(GeneratorOptions.Parse(new[] { "--out", "x" }).TenantAuth);
        var options = GeneratorOptions.Parse(new[] { "--out", "x", "--formats", "tenant-auth,graph-json" });
        Assert.True(options.TenantAuth);
        Assert.Equal(new[] { "graph-json" }, options.Formats.Select(f => f.Name));
    }

    [Fact]
    public void Tenant_auth_files_hold_the_personas_methods_and_the_sign_ins_policies()
    {
        string folder = GeneratedTenant.NewFolder();
        try
        {
            GeneratorRun.Run(GeneratorOptions.Parse(new[] { "--out", folder, "--formats", "tenant-auth", "--days", "1" }));
            string auth = Path.Combine(folder, "tenant-auth");
            Assert.Equal(new[]
            {
                "authenticationMethodsPolicy.json", "authenticationStrengthPolicies.json",
                "conditionalAccessPolicies.json", "directoryRoles.json", "groups.json", "userRegistrationDetails.json",
            }, Directory.GetFiles(auth).Select(Path.GetFileName).Where(f => !f!.StartsWith("authenticationMethods.", StringComparison.Ordinal) || f == "authenticationMethodsPolicy.json").Order());

            // One Graph answer of users/{id}/authentication/methods per user, which the module reads offline as that user's.
            using var registered = JsonDocument.Parse(File.ReadAllText(Path.Combine(auth, "userRegistrationDetails.json")));
            var userIds = registered.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(userIds.Order(), Directory.GetFiles(auth, "authenticationMethods.*-*.json").Select(f => Path.GetFileName(f)["authenticationMethods.".Length..^".json".Length]).Order());
            Assert.False(File.Exists(Path.Combine(folder, "signins.graph.json")));

            using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(auth, "userRegistrationDetails.json")));
            var rows = report.RootElement.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("userPrincipalName").GetString()!);
            Assert.Empty(rows["fatima.haddad@contoso.com"].GetProperty("methodsRegistered").EnumerateArray());
            Assert.Equal("microsoftAuthenticatorPush,mobilePhone", string.Join(",", rows["gareth.price@contoso.com"].GetProperty("methodsRegistered").EnumerateArray().Select(m => m.GetString())));
            Assert.Equal("passKeyDeviceBound", rows["breakglass01@contoso.onmicrosoft.com"].GetProperty("methodsRegistered")[0].GetString());
            Assert.DoesNotContain(rows.Keys, upn => upn.EndsWith("@fabrikam.com", StringComparison.Ordinal)); // never invited: not in the directory

            using var personas = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "personas.json")));
            using var policies = JsonDocument.Parse(File.ReadAllText(Path.Combine(auth, "conditionalAccessPolicies.json")));
            var ids = policies.RootElement.GetProperty("value").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
            Assert.All(personas.RootElement.GetProperty("conditionalAccessPolicies").EnumerateArray(), p => Assert.Contains(p.GetProperty("id").GetString(), ids));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
