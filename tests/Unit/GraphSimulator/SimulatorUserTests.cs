using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>GET users/{id | userPrincipalName} with $select, as the per-user lookups need it.</summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorUserTests
{
    private readonly SimTenant tenant;

    public SimulatorUserTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task A_user_is_found_by_id_or_upn_with_only_the_selected_properties()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        var row = tenant.Directory.RegistrationDetails.First(r => r.GetProperty("userType").GetString() == "guest");
        var id = row.GetProperty("id").GetString()!;
        var upn = row.GetProperty("userPrincipalName").GetString()!;

        var byUpn = await client.GetAsync("v1.0/users/" + Uri.EscapeDataString(upn) + "?$select=id,userType,accountEnabled");
        Assert.Equal(HttpStatusCode.OK, byUpn.Status);
        var json = byUpn.Json!.RootElement;
        Assert.Equal(new[] { "@odata.context", "id", "userType", "accountEnabled" }, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("guest", json.GetProperty("userType").GetString());
        Assert.True(json.GetProperty("accountEnabled").GetBoolean());

        var byId = await client.GetAsync("v1.0/users/" + id);
        Assert.Equal(upn, byId.Json!.RootElement.GetProperty("userPrincipalName").GetString());
        Assert.Equal(row.GetProperty("userDisplayName").GetString(), byId.Json!.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task An_unknown_user_is_404_Request_ResourceNotFound_and_an_unknown_property_is_400()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        (await client.GetAsync("v1.0/users/" + Uri.EscapeDataString("o'neil@contoso.com"))).AssertGraphError(HttpStatusCode.NotFound, "Request_ResourceNotFound");
        var id = tenant.Directory.RegistrationDetails[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1.0/users/" + id + "?$select=id,shoeSize")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1.0/users/" + id + "?$expand=manager")).Status);
        Assert.Equal(SimEndpoint.User, sim.Requests.Snapshot()[0].Endpoint);
    }

    [Fact]
    public async Task The_user_cast_of_transitiveMembers_lists_users_only_with_the_selected_properties()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        foreach (var group in tenant.Directory.GroupIds)
        {
            var users = tenant.Directory.TransitiveMembersOf(group)!.Where(m => m.GetProperty("@odata.type").GetString() == "#microsoft.graph.user").Select(m => m.GetProperty("id").GetString()).ToList();
            var page = await client.GetAsync("v1.0/groups/" + group + "/transitiveMembers/microsoft.graph.user?$select=id&$top=999");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(users, page.Ids);
            Assert.All(page.Values, v => Assert.Equal(new[] { "id" }, v.EnumerateObject().Select(p => p.Name)));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1.0/groups/" + tenant.Directory.GroupIds.First() + "/transitiveMembers?$select=shoeSize")).Status);
    }
}
