using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>
/// DirectoryLatency (the enrollment benchmark's "time to answer") and the request counters /_sim/stats gives
/// out-of-process callers. Wall-clock bounds, so it runs with the timing-sensitive tests, alone.
/// </summary>
[Collection(TimingSensitive.Name)]
public class SimulatorDirectoryLatencyTests
{
    private static readonly SimTenant Tenant = SimTenant.Load(SimDataSource.Generated(seed: 42, users: 60, days: 1));

    [Fact]
    public async Task Directory_answers_wait_the_latency_once_per_request_and_once_per_batch_and_stats_count_both_ways()
    {
        var latency = TimeSpan.FromMilliseconds(400);
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, DirectoryLatency = latency }, Tenant);
        using var client = new SimClient(sim);
        var users = Tenant.Directory.RegistrationDetails.Take(5).Select(r => r.GetProperty("id").GetString()!).ToList();

        var watch = Stopwatch.StartNew();
        await client.GetAsync("v1.0/users/" + users[0] + "/authentication/methods");
        Assert.InRange(watch.Elapsed, latency * 0.9, TimeSpan.FromSeconds(5));

        // Five inner requests, one latency: Graph may run a batch's requests in parallel, so the simulator does not add them up.
        var requests = users.Select((id, i) => new { id = (i + 1).ToString(CultureInfo.InvariantCulture), method = "GET", url = "/users/" + id + "/authentication/methods" });
        using var content = new StringContent(JsonSerializer.Serialize(new { requests }), Encoding.UTF8, "application/json");
        watch.Restart();
        using (var response = await client.Http.PostAsync("v1.0/$batch", content))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.InRange(watch.Elapsed, latency * 0.9, latency * 4);

        using var stats = JsonDocument.Parse(await client.Http.GetStringAsync("_sim/stats"));
        var root = stats.RootElement;
        Assert.Equal(6, root.GetProperty("graphRequests").GetInt32());   // as the throttle counts: 1 + 5 inner
        Assert.Equal(2, root.GetProperty("httpRequests").GetInt32());    // round trips: the GET and the envelope
        Assert.Equal(6, root.GetProperty("byEndpoint").GetProperty("AuthenticationMethods").GetInt32());
        Assert.Equal(0, root.GetProperty("graphThrottled").GetInt32());
        Assert.Equal(0, root.GetProperty("signInsRequests").GetInt32());
    }

    [Fact]
    public void Command_line_sets_the_directory_latency()
    {
        var options = SimulatorCommandLine.Parse(new[] { "--directory-latency-ms", "250" })!;
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.DirectoryLatency);
        Assert.Equal(TimeSpan.Zero, SimulatorCommandLine.Parse(Array.Empty<string>())!.DirectoryLatency);
    }
}
