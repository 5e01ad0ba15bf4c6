using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Names;

/// <summary>The simulator's getByIds and servicePrincipals appId filter: Graph's shapes and limits.</summary>
[Collection(SimulatorDataGroup.Name)]
public sealed class SimulatorNameEndpointTests
{
    private readonly SimTenant tenant;

    public SimulatorNameEndpointTests(SimulatorData data) => tenant = data.Tenant;

    private static async Task<(HttpStatusCode Status, JsonDocument Json)> PostAsync(SimClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("v1.0/directoryObjects/getByIds", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task GetByIds_returns_the_known_objects_typed_and_leaves_unknown_ids_out()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        var user = tenant.Directory.RegistrationDetails[0].GetProperty("id").GetString()!;
        var group = tenant.Directory.GroupIds.First();
        var ids = "[\"" + user + "\",\"" + group + "\",\"" + Guid.NewGuid() + "\"]";

        var (status, json) = await PostAsync(client, "{\"ids\":" + ids + "}");
        Assert.Equal(HttpStatusCode.OK, status);
        var value = json.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(new[] { "#microsoft.graph.user", "#microsoft.graph.group" }, value.Select(v => v.GetProperty("@odata.type").GetString()));
        Assert.EndsWith("v1.0/$metadata#directoryObjects", json.RootElement.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

        var (_, onlyGroups) = await PostAsync(client, "{\"ids\":" + ids + ",\"types\":[\"group\"]}");
        Assert.Equal(group, Assert.Single(onlyGroups.RootElement.GetProperty("value").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetByIds_refuses_no_ids_more_than_1000_and_ids_that_are_not_guids()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        var tooMany = string.Join(",", Enumerable.Range(0, 1001).Select(_ => "\"" + Guid.NewGuid() + "\""));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "{\"ids\":[" + tooMany + "]}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "{\"ids\":[]}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "{\"ids\":[\"o'neil\"]}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "{\"ids\":[\"" + Guid.NewGuid() + "\"],\"types\":[\"printer\"]}")).Status);
    }

    [Fact]
    public async Task ServicePrincipals_filter_on_appId_in_takes_fifteen_values_and_works_in_a_batch()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        using var client = new SimClient(sim);
        var app = tenant.Directory.Objects.ServicePrincipals.First().GetProperty("appId").GetString()!;
        string Filter(int count) => Uri.EscapeDataString("appId in (" + string.Join(",", Enumerable.Range(0, count - 1).Select(_ => "'" + Guid.NewGuid() + "'").Append("'" + app + "'")) + ")");

        var ok = await client.GetAsync("v1.0/servicePrincipals?$filter=" + Filter(15) + "&$select=appId,displayName");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var found = Assert.Single(ok.Json!.RootElement.GetProperty("value").EnumerateArray());
        Assert.Equal(new[] { "appId", "displayName" }, found.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1.0/servicePrincipals?$filter=" + Filter(16))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("v1.0/servicePrincipals?$filter=" + Uri.EscapeDataString("displayName eq 'x'"))).Status);

        using var content = new StringContent("{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/servicePrincipals?$filter=" + Filter(2) + "\"}]}", Encoding.UTF8, "application/json");
        using var batch = await client.Http.PostAsync("v1.0/$batch", content);
        using var answer = JsonDocument.Parse(await batch.Content.ReadAsStringAsync());
        var inner = answer.RootElement.GetProperty("responses")[0];
        Assert.Equal(200, inner.GetProperty("status").GetInt32());
        Assert.Equal(app, inner.GetProperty("body").GetProperty("value")[0].GetProperty("appId").GetString());
    }
}
