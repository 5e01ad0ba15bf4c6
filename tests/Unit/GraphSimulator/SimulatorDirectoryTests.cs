using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>The authentication endpoints over the seed-42 tenant: shapes, paging, filters, 404s and consistency.</summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorDirectoryTests
{
    internal const string Unenrolled = "fatima.haddad@contoso.com";
    internal const string StrengthGapAdmin = "gareth.price@contoso.com";
    internal const string BreakGlass = "breakglass01@contoso.onmicrosoft.com";
    internal const string Guest = "jodie.marsh_fabrikam.com#EXT#@contoso.onmicrosoft.com";
    internal const string Registrations = "beta/reports/authenticationMethods/userRegistrationDetails";
    private const string ApprovedKey = "fa2b99dc-9e39-4257-8f92-4a30d23c4118";
    private static readonly GraphSimulatorOptions NoThrottle = new() { ThrottleRequests = 0 };
    private readonly SimTenant tenant;

    public SimulatorDirectoryTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task Registration_report_pages_with_top_and_nextLink_and_carries_Graphs_properties()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var first = await client.GetAsync(Registrations + "?$top=25");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(sim.BaseUri + "beta/$metadata#reports/authenticationMethods/userRegistrationDetails",
            first.Json!.RootElement.GetProperty("@odata.context").GetString());
        Assert.Equal(25, first.Values.Length);
        Assert.StartsWith(sim.BaseUri + Registrations + "?$top=25&$skiptoken=", first.NextLink);
        var row = first.Values.Single(v => v.GetProperty("userPrincipalName").GetString() == StrengthGapAdmin);
        Assert.Equal(new[]
        {
            "id", "userPrincipalName", "userDisplayName", "isAdmin", "isSsprRegistered", "isSsprEnabled", "isSsprCapable",
            "isMfaRegistered", "isMfaCapable", "isPasswordlessCapable", "lastUpdatedDateTime", "methodsRegistered", "defaultMfaMethod",
            "isSystemPreferredAuthenticationMethodEnabled", "systemPreferredAuthenticationMethods", "userPreferredMethodForSecondaryAuthentication", "userType",
        }, row.EnumerateObject().Select(p => p.Name));
        Assert.True(row.GetProperty("isAdmin").GetBoolean());
        Assert.False(row.GetProperty("isPasswordlessCapable").GetBoolean());
        Assert.Equal(new[] { "microsoftAuthenticatorPush", "mobilePhone" }, row.GetProperty("methodsRegistered").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("microsoftAuthenticatorPush", row.GetProperty("defaultMfaMethod").GetString());
        Assert.Equal("push", row.GetProperty("systemPreferredAuthenticationMethods")[0].GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", row.GetProperty("lastUpdatedDateTime").GetString());

        var (ids, pages) = await client.GetAllIdsAsync(Registrations + "?$top=25");
        Assert.Equal(3, pages);
        Assert.Equal(59, ids.Count); // 60 users less the partner account that was never invited
        Assert.Equal(tenant.Directory.RegistrationDetails.Select(r => r.GetProperty("id").GetString()), ids);
    }

    [Theory]
    [InlineData("isMfaRegistered eq false", new[] { Unenrolled, Guest, "svc-opsrunbook@contoso.com" })]
    [InlineData("startswith(userPrincipalName,'svc-')", new[] { "svc-deploy@contoso.com", "svc-build@contoso.com", "svc-opsrunbook@contoso.com", "svc-azps@contoso.com" })]
    [InlineData("isMfaCapable eq true and isPasswordlessCapable eq false and startswith(userDisplayName,'Gareth')", new[] { StrengthGapAdmin })]
    [InlineData("(isSsprEnabled eq false and isMfaRegistered eq false) or userPrincipalName eq 'FATIMA.HADDAD@contoso.com'", new[] { Unenrolled, Guest, "svc-opsrunbook@contoso.com" })]
    [InlineData("systemPreferredAuthenticationMethods/any(x:x eq 'SMS') and isSsprEnabled eq false", new[] { "svc-deploy@contoso.com", "svc-build@contoso.com", "svc-azps@contoso.com" })]
    [InlineData("methodsRegistered/any(m:m eq 'windowsHelloForBusiness')", new[] { "xin.zhang@contoso.com", "harvey.whitaker@contoso.com", "sean.murphy@contoso.com", "daisy.ellis@contoso.com" })]
    public async Task Registration_report_filters_as_documented(string filter, string[] expected)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var page = await client.GetAsync(Registrations + "?$filter=" + Uri.EscapeDataString(filter));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected.Order(), page.Values.Select(v => v.GetProperty("userPrincipalName").GetString()!).Order());
    }

    [Theory]
    [InlineData("$filter=isMfaRegistered ne true")]
    [InlineData("$filter=endswith(userPrincipalName,'.com')")]
    [InlineData("$filter=isLicensed eq true")]
    [InlineData("$filter=isAdmin eq true")]
    [InlineData("$filter=userType eq 'guest'")]
    [InlineData("$orderby=lastUpdatedDateTime")]
    [InlineData("$select=id")]
    [InlineData("$top=1001")]
    public async Task Registration_report_rejects_what_Graph_does_not_document_with_a_400(string query)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        (await client.GetAsync(Registrations + "?" + query)).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Registration_report_orders_by_userPrincipalName_across_pages()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var upns = new List<string>();
        string? next = Registrations + "?$orderby=" + Uri.EscapeDataString("userPrincipalName desc") + "&$top=20";
        while (next is not null)
        {
            var page = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            upns.AddRange(page.Values.Select(v => v.GetProperty("userPrincipalName").GetString()!));
            next = page.NextLink;
        }

        Assert.Equal(59, upns.Count);
        Assert.Equal(upns.OrderByDescending(u => u, StringComparer.OrdinalIgnoreCase), upns);
        Assert.Equal("zoe.lindqvist@contoso.com", upns[0]);
    }

    [Fact]
    public async Task Methods_by_id_or_upn_are_typed_per_persona_and_an_unknown_user_is_a_404()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        string Types(SimResponse r) => string.Join(",", r.Values.Select(v => v.GetProperty("@odata.type").GetString()!.Replace("#microsoft.graph.", "", StringComparison.Ordinal)));
        var unenrolled = await client.GetAsync("v1.0/users/" + Unenrolled + "/authentication/methods");
        Assert.Equal("passwordAuthenticationMethod", Types(unenrolled));
        Assert.Equal("28c10230-6103-485e-b985-444c60001490", unenrolled.Ids.Single());

        var admin = await client.GetAsync("beta/users/" + StrengthGapAdmin + "/authentication/methods");
        Assert.Equal("passwordAuthenticationMethod,microsoftAuthenticatorAuthenticationMethod,phoneAuthenticationMethod", Types(admin));
        var phone = admin.Values[2];
        Assert.Equal("mobile", phone.GetProperty("phoneType").GetString());
        Assert.StartsWith("+44 7700 9", phone.GetProperty("phoneNumber").GetString());

        var breakGlass = await client.GetAsync("v1.0/users/" + BreakGlass + "/authentication/methods");
        var key = breakGlass.Values.Single(v => v.GetProperty("@odata.type").GetString() == "#microsoft.graph.fido2AuthenticationMethod");
        Assert.Equal(ApprovedKey, key.GetProperty("aaGuid").GetString());
        Assert.Equal("attested", key.GetProperty("attestationLevel").GetString());

        Assert.Empty((await client.GetAsync("v1.0/users/" + Uri.EscapeDataString(Guest) + "/authentication/methods")).Values);

        string adminId = IdOf(StrengthGapAdmin);
        var byId = await client.GetAsync("v1.0/users/" + adminId + "/authentication/methods");
        Assert.Equal(sim.BaseUri + "v1.0/$metadata#users('" + adminId + "')/authentication/methods", byId.Json!.RootElement.GetProperty("@odata.context").GetString());
        Assert.Equal(admin.Ids, byId.Ids);

        var missing = await client.GetAsync("v1.0/users/nobody@contoso.com/authentication/methods");
        var error = missing.AssertGraphError(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        Assert.Contains("nobody@contoso.com", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_users_methods_agree_with_methodsRegistered_in_the_report()
    {
        var names = new Dictionary<string, string>
        {
            ["#microsoft.graph.microsoftAuthenticatorAuthenticationMethod"] = "microsoftAuthenticatorPush",
            ["#microsoft.graph.phoneAuthenticationMethod"] = "mobilePhone",
            ["#microsoft.graph.softwareOathAuthenticationMethod"] = "softwareOneTimePasscode",
            ["#microsoft.graph.fido2AuthenticationMethod"] = "passKeyDeviceBound",
            ["#microsoft.graph.windowsHelloForBusinessAuthenticationMethod"] = "windowsHelloForBusiness",
        };
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var report = (await client.GetAsync(Registrations)).Values;
        Assert.Equal(59, report.Length);
        foreach (var row in report)
        {
            var methods = await client.GetAsync("beta/users/" + row.GetProperty("id").GetString() + "/authentication/methods");
            var fromMethods = methods.Values.Select(v => v.GetProperty("@odata.type").GetString()!).Where(names.ContainsKey).Select(t => names[t]);
            Assert.Equal(row.GetProperty("methodsRegistered").EnumerateArray().Select(m => m.GetString()!).Order(), fromMethods.Order());
            Assert.Equal(row.GetProperty("isMfaRegistered").GetBoolean(), fromMethods.Any());
        }
    }

    [Fact]
    public async Task Methods_policy_enables_FIDO2_for_the_pilot_group_whose_transitive_members_page()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var policy = await client.GetAsync("v1.0/policies/authenticationMethodsPolicy");
        Assert.Equal(HttpStatusCode.OK, policy.Status);
        var root = policy.Json!.RootElement;
        Assert.Equal("authenticationMethodsPolicy", root.GetProperty("id").GetString());
        Assert.Equal(sim.BaseUri + "v1.0/$metadata#authenticationMethodsPolicy", root.GetProperty("@odata.context").GetString());
        var configurations = root.GetProperty("authenticationMethodConfigurations").EnumerateArray().ToArray();
        Assert.Equal("Fido2,MicrosoftAuthenticator,Sms,TemporaryAccessPass,SoftwareOath,Voice,Email,X509Certificate",
            string.Join(",", configurations.Select(c => c.GetProperty("id").GetString())));
        Assert.Equal(new[] { "enabled", "enabled", "enabled", "enabled", "enabled", "disabled", "disabled", "disabled" },
            configurations.Select(c => c.GetProperty("state").GetString()));
        var fido2 = configurations[0];
        Assert.Equal("#microsoft.graph.fido2AuthenticationMethodConfiguration", fido2.GetProperty("@odata.type").GetString());
        Assert.Equal(ApprovedKey, fido2.GetProperty("keyRestrictions").GetProperty("aaGuids")[0].GetString());
        string pilot = fido2.GetProperty("includeTargets")[0].GetProperty("id").GetString()!;
        Assert.Equal("all_users", configurations[1].GetProperty("includeTargets")[0].GetProperty("id").GetString());

        var first = await client.GetAsync("v1.0/groups/" + pilot + "/transitiveMembers?$top=5");
        Assert.Equal(5, first.Values.Length);
        Assert.Equal("#microsoft.graph.group", first.Values[0].GetProperty("@odata.type").GetString());
        var (ids, pages) = await client.GetAllIdsAsync("v1.0/groups/" + pilot + "/transitiveMembers?$top=5");
        Assert.Equal(3, pages);
        Assert.Equal(12, ids.Count);
        Assert.Contains(IdOf(BreakGlass), ids); // only through the nested emergency-access group
        Assert.DoesNotContain(IdOf(StrengthGapAdmin), ids);

        (await client.GetAsync("v1.0/groups/" + Guid.Empty + "/transitiveMembers")).AssertGraphError(HttpStatusCode.NotFound, "Request_ResourceNotFound");
    }

    [Fact]
    public async Task Without_Policy_Read_All_the_methods_policy_is_a_403_and_the_report_still_works()
    {
        var options = NoThrottle with { DeniedEndpoints = new HashSet<SimEndpoint> { SimEndpoint.AuthenticationMethodsPolicy } };
        await using var sim = await GraphSimulatorHost.StartAsync(options, tenant);
        using var client = new SimClient(sim);
        (await client.GetAsync("v1.0/policies/authenticationMethodsPolicy")).AssertGraphError(HttpStatusCode.Forbidden, "Authorization_RequestDenied");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Registrations)).Status);
        Assert.Equal(SimEndpoint.AuthenticationMethodsPolicy, sim.Requests.Snapshot().Single(r => r.Status == 403).Endpoint);
    }

    [Fact]
    public async Task Conditional_access_policies_are_the_ones_the_sign_ins_reference_plus_report_only_and_off()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var page = await client.GetAsync("beta/identity/conditionalAccess/policies");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var policies = page.Values;
        Assert.Equal(new[] { "enabled", "enabled", "enabled", "enabled", "enabledForReportingButNotEnforced", "enabledForReportingButNotEnforced", "disabled" },
            policies.Select(p => p.GetProperty("state").GetString()));

        // Every policy a sign-in names exists, under the same id and name.
        var referenced = tenant.SignIns.Take(2000)
            .SelectMany(s => JsonDocument.Parse(s.Json).RootElement.GetProperty("appliedConditionalAccessPolicies").EnumerateArray()
                .Select(p => (p.GetProperty("id").GetString(), p.GetProperty("displayName").GetString())))
            .Distinct().ToArray();
        Assert.Equal(5, referenced.Length);
        Assert.All(referenced, r => Assert.Contains(policies, p => p.GetProperty("id").GetString() == r.Item1 && p.GetProperty("displayName").GetString() == r.Item2));

        var ca001 = policies[0];
        Assert.Equal("mfa", ca001.GetProperty("grantControls").GetProperty("builtInControls")[0].GetString());
        var frequency = ca001.GetProperty("sessionControls").GetProperty("signInFrequency");
        Assert.Equal(8, frequency.GetProperty("value").GetInt32());
        Assert.Equal("hours", frequency.GetProperty("type").GetString());
        Assert.Equal("AllTrusted", ca001.GetProperty("conditions").GetProperty("locations").GetProperty("excludeLocations")[0].GetString());
        Assert.Equal(2, ca001.GetProperty("conditions").GetProperty("users").GetProperty("excludeGroups").GetArrayLength());

        var strength = policies[1].GetProperty("grantControls").GetProperty("authenticationStrength");
        Assert.Equal("00000000-0000-0000-0000-000000000004", strength.GetProperty("id").GetString());
        Assert.Equal("windowsHelloForBusiness,fido2,x509CertificateMultiFactor", string.Join(",", strength.GetProperty("allowedCombinations").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal("62e90394-69f5-4237-9190-012177145e10", policies[1].GetProperty("conditions").GetProperty("users").GetProperty("includeRoles")[0].GetString());
    }

    [Theory]
    [InlineData("beta/identity/conditionalAccess/authenticationStrength/policies", "beta/$metadata#identity/conditionalAccess/authenticationStrength/policies")]
    [InlineData("v1.0/policies/authenticationStrengthPolicies", "v1.0/$metadata#policies/authenticationStrengthPolicies")]
    public async Task Strength_policies_list_the_three_built_ins_and_the_custom_FIDO2_one(string path, string context)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var page = await client.GetAsync(path);
        Assert.Equal(sim.BaseUri + context, page.Json!.RootElement.GetProperty("@odata.context").GetString());
        Assert.Equal(new[] { "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004" }, page.Ids.Take(3));
        Assert.Equal("builtIn,builtIn,builtIn,custom", string.Join(",", page.Values.Select(v => v.GetProperty("policyType").GetString())));
        var configuration = page.Values[3].GetProperty("combinationConfigurations")[0];
        Assert.Equal("#microsoft.graph.fido2CombinationConfiguration", configuration.GetProperty("@odata.type").GetString());
        Assert.Equal(ApprovedKey, configuration.GetProperty("allowedAAGUIDs")[0].GetString());
    }

    [Fact]
    public async Task The_beta_only_strength_path_is_a_404_on_v1_and_every_endpoint_needs_a_token()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        using var anonymous = new SimClient(sim, token: null);
        (await client.GetAsync("v1.0/identity/conditionalAccess/authenticationStrength/policies")).AssertGraphError(HttpStatusCode.NotFound, "UnknownError");
        foreach (string path in new[] { Registrations, "v1.0/users/" + Unenrolled + "/authentication/methods", "v1.0/policies/authenticationMethodsPolicy", "beta/identity/conditionalAccess/policies" })
        {
            (await anonymous.GetAsync(path)).AssertGraphError(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        }
    }

    private string IdOf(string upn) =>
        tenant.Directory.RegistrationDetails.Single(r => r.GetProperty("userPrincipalName").GetString() == upn).GetProperty("id").GetString()!;
}
