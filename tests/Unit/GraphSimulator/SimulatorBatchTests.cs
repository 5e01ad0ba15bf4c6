using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>POST /$batch, per-request throttling inside batches, and faults aimed at one endpoint.</summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorBatchTests
{
    private static readonly GraphSimulatorOptions NoThrottle = new() { ThrottleRequests = 0 };
    private readonly SimTenant tenant;

    public SimulatorBatchTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task A_batch_of_20_answers_each_request_with_its_own_status_headers_and_body()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var upns = tenant.Directory.RegistrationDetails.Take(17).Select(r => r.GetProperty("userPrincipalName").GetString()!).ToList();
        var urls = upns.Select(u => "/users/" + Uri.EscapeDataString(u) + "/authentication/methods")
            .Append("/users/nobody@contoso.com/authentication/methods")
            .Append("/policies/authenticationMethodsPolicy")
            .Append("/no/such/path")
            .ToList();

        var (status, responses) = await PostBatchAsync(client, "v1.0", urls);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(20, responses.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i.ToString(CultureInfo.InvariantCulture)), responses.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(Enumerable.Repeat(200, 17).Append(404).Append(200).Append(404), responses.Select(r => r.GetProperty("status").GetInt32()));
        Assert.StartsWith("application/json", responses[0].GetProperty("headers").GetProperty("Content-Type").GetString(), StringComparison.Ordinal);
        Assert.Equal("#microsoft.graph.passwordAuthenticationMethod", responses[0].GetProperty("body").GetProperty("value")[0].GetProperty("@odata.type").GetString());
        Assert.Equal("Request_ResourceNotFound", responses[17].GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("authenticationMethodsPolicy", responses[18].GetProperty("body").GetProperty("id").GetString());

        // Each inner request is logged as its own request, flagged as in a batch, beside the envelope.
        var log = sim.Requests.Snapshot();
        Assert.Equal(20, log.Count(r => r.InBatch));
        Assert.Equal(17, log.Count(r => r.InBatch && r.Endpoint == SimEndpoint.AuthenticationMethods && r.Status == 200));
        Assert.Equal(SimEndpoint.Batch, log.Single(r => !r.InBatch).Endpoint);
    }

    [Fact]
    public async Task Twenty_one_requests_or_duplicate_ids_are_a_400_for_the_whole_batch()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var (status, _) = await PostBatchAsync(client, "v1.0", Enumerable.Repeat("/policies/authenticationMethodsPolicy", 21).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, status);

        using var duplicate = new StringContent("""{"requests":[{"id":"1","method":"GET","url":"/organization"},{"id":"1","method":"GET","url":"/organization"}]}""", Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("v1.0/$batch", duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, sim.Requests.Snapshot().Count(r => r.InBatch));
    }

    [Fact]
    public async Task Every_inner_request_costs_a_throttle_token_and_the_excess_gets_its_own_429_with_Retry_After()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions(), tenant); // 5 / 10 s per app
        using var client = new SimClient(sim, sim.IssueToken("bbbbbbbb-0000-0000-0000-000000000001"));
        var urls = tenant.Directory.RegistrationDetails.Take(8).Select(r => "/users/" + r.GetProperty("id").GetString() + "/authentication/methods").ToList();

        var (status, responses) = await PostBatchAsync(client, "beta", urls);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 429, 429, 429 }, responses.Select(r => r.GetProperty("status").GetInt32()));
        var throttled = responses[5];
        Assert.Equal("TooManyRequests", throttled.GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        int retryAfter = int.Parse(throttled.GetProperty("headers").GetProperty("Retry-After").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);

        // The batch used the app's whole budget: a direct request right after is throttled too.
        (await client.GetAsync(SimulatorDirectoryTests.Registrations)).AssertGraphError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal(3, sim.Requests.Snapshot().Count(r => r.InBatch && r.Status == 429));
    }

    [Fact]
    public async Task A_fault_aimed_at_the_methods_endpoint_hits_it_directly_and_inside_a_batch_and_spares_the_rest()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var rule = sim.Faults.NextTimes(2, FaultKind.ServiceUnavailable, r => r.Endpoint == SimEndpoint.AuthenticationMethods);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimClient.SignIns(top: 1))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimulatorDirectoryTests.Registrations + "?$top=1")).Status);
        var direct = await client.GetAsync("v1.0/users/" + SimulatorDirectoryTests.Unenrolled + "/authentication/methods");
        direct.AssertGraphError(HttpStatusCode.ServiceUnavailable, "serviceNotAvailable");
        Assert.NotNull(direct.Headers.RetryAfter);

        var (_, responses) = await PostBatchAsync(client, "v1.0", new List<string>
        {
            "/policies/authenticationMethodsPolicy",
            "/users/" + SimulatorDirectoryTests.Unenrolled + "/authentication/methods",
            "/users/" + SimulatorDirectoryTests.Unenrolled + "/authentication/methods",
        });
        Assert.Equal(new[] { 200, 503, 200 }, responses.Select(r => r.GetProperty("status").GetInt32()));
        Assert.True(rule.Spent);
        Assert.Equal(2, rule.Fired);
    }

    [Fact]
    public async Task Random_faults_reach_the_directory_endpoints_only_when_asked_to()
    {
        var options = NoThrottle with
        {
            RandomFaults = new RandomFaultOptions
            {
                Rates = new Dictionary<FaultKind, double> { [FaultKind.InternalServerError] = 1.0 },
                Endpoints = new HashSet<SimEndpoint> { SimEndpoint.ConditionalAccessPolicies },
            },
        };
        await using var sim = await GraphSimulatorHost.StartAsync(options, tenant);
        using var client = new SimClient(sim);
        (await client.GetAsync("beta/identity/conditionalAccess/policies")).AssertGraphError(HttpStatusCode.InternalServerError, "UnknownError");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimClient.SignIns(top: 1))).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("beta/policies/authenticationStrengthPolicies")).Status);
    }

    [Fact]
    public async Task A_request_depending_on_a_failed_one_gets_424_and_a_non_GET_gets_Graphs_405()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        using var content = new StringContent("""
            {"requests":[
              {"id":"a","method":"GET","url":"/users/nobody@contoso.com/authentication/methods"},
              {"id":"b","method":"GET","url":"/policies/authenticationMethodsPolicy","dependsOn":["a"]},
              {"id":"c","method":"PATCH","url":"/policies/authenticationMethodsPolicy","body":{},"headers":{"Content-Type":"application/json"}}
            ]}
            """, Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("v1.0/$batch", content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var responses = json.RootElement.GetProperty("responses").EnumerateArray().ToArray();
        Assert.Equal(new[] { 404, 424, 405 }, responses.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("Request_BadRequest", responses[2].GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, sim.Requests.Snapshot().Count(r => r.InBatch)); // neither b nor c reached an endpoint
    }

    [Fact]
    public void Command_line_denies_and_aims_random_faults_at_named_endpoints()
    {
        var options = SimulatorCommandLine.Parse(new[] { "--deny", "authenticationMethodsPolicy", "--fault-endpoints", "SignIns,AuthenticationMethods" })!;
        Assert.Equal(new[] { SimEndpoint.AuthenticationMethodsPolicy }, options.DeniedEndpoints);
        Assert.Equal(new[] { SimEndpoint.SignIns, SimEndpoint.AuthenticationMethods }, options.RandomFaults.Endpoints!.Order());
        Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(new[] { "--deny", "Unknown" }));
        Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(new[] { "--deny", "policies" }));
    }

    private static async Task<(HttpStatusCode Status, JsonElement[] Responses)> PostBatchAsync(SimClient client, string version, IReadOnlyList<string> urls)
    {
        var requests = urls.Select((url, i) => new { id = (i + 1).ToString(CultureInfo.InvariantCulture), method = "GET", url });
        using var content = new StringContent(JsonSerializer.Serialize(new { requests }), Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync(version + "/$batch", content);
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, Array.Empty<JsonElement>());
        }

        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("responses").EnumerateArray().Select(r => r.Clone()).ToArray());
    }
}
