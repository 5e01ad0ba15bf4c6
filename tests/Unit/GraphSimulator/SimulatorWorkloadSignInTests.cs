using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>Service principal and managed identity sign-ins from a file, found by servicePrincipalId (Test-StrongAuthRemediation's live query).</summary>
public sealed class SimulatorWorkloadSignInTests : IDisposable
{
    private const string Sp = "9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11";
    private readonly string _file = Path.Combine(Path.GetTempPath(), "sim-workload-" + Guid.NewGuid().ToString("N") + ".json");

    public SimulatorWorkloadSignInTests()
    {
        File.WriteAllText(_file, """
            [
              {"id":"u1","createdDateTime":"2026-11-20T10:00:00Z","userPrincipalName":"svc@contoso.com","appId":"a1","signInEventTypes":["nonInteractiveUser"],"status":{"errorCode":50076}},
              {"id":"s1","createdDateTime":"2026-11-21T10:00:00Z","servicePrincipalId":"9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11","appId":"a2","signInEventTypes":["servicePrincipal"],"status":{"errorCode":0}},
              {"id":"m1","createdDateTime":"2026-11-22T10:00:00Z","servicePrincipalId":"other","appId":"a3","signInEventTypes":["managedIdentity"],"status":{"errorCode":0}}
            ]
            """);
    }

    [Fact]
    public async Task ServicePrincipalIdFiltersWorkloadSignIns()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, Data = SimDataSource.FromFile(_file) });
        using var client = new SimClient(sim);

        var bySp = await client.GetAllIdsAsync(SimClient.SignIns(filter: "signInEventTypes/any(t: t eq 'servicePrincipal') and servicePrincipalId eq '" + Sp + "'"));
        var managed = await client.GetAllIdsAsync(SimClient.SignIns(filter: "signInEventTypes/any(t: t eq 'managedIdentity') and appId eq 'a3'"));

        Assert.Equal(new[] { "s1" }, bySp.Ids);
        Assert.Equal(new[] { "m1" }, managed.Ids);
    }

    [Fact]
    public async Task StatsListTheSignInFilters()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, Data = SimDataSource.FromFile(_file) });
        using var client = new SimClient(sim);
        await client.GetAllIdsAsync(SimClient.SignIns(filter: "servicePrincipalId eq 'x'"));

        using var http = new HttpClient { BaseAddress = sim.BaseUri };
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri("_sim/stats", UriKind.Relative)));

        Assert.Equal("servicePrincipalId eq 'x'", Assert.Single(stats.RootElement.GetProperty("signInsFilters").EnumerateArray()).GetString());
    }

    public void Dispose() => File.Delete(_file);
}
