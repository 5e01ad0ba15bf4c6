using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>Throttling, skip-token expiry, faults, Prefer, auth, the request log and the token endpoint.</summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorBehaviourTests
{
    private static readonly GraphSimulatorOptions NoThrottle = new() { ThrottleRequests = 0 };
    private readonly SimTenant tenant;

    public SimulatorBehaviourTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task Five_quick_requests_pass_then_429_with_Retry_After_and_Graphs_body_per_app()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions(), tenant);
        using var first = new SimClient(sim, sim.IssueToken("aaaaaaaa-0000-0000-0000-000000000001"));
        using var second = new SimClient(sim, sim.IssueToken("aaaaaaaa-0000-0000-0000-000000000002"));

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(SimClient.SignIns(top: 1))).Status);
        }

        var throttled = await first.GetAsync(SimClient.SignIns(top: 1));
        throttled.AssertGraphError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        int retryAfter = int.Parse(Assert.Single(throttled.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 10);

        // The limit is per app: another app id in its token is not throttled.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(SimClient.SignIns(top: 1))).Status);
        var log = sim.Requests.SignIns();
        Assert.Equal(1, log.Count(r => r.Status == 429));
        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000001", log.Single(r => r.Status == 429).AppKey);
        Assert.Equal(retryAfter.ToString(CultureInfo.InvariantCulture), log.Single(r => r.Status == 429).RetryAfter);
    }

    [Fact]
    public async Task Time_scale_shrinks_the_window_and_honouring_Retry_After_gets_through()
    {
        var options = new GraphSimulatorOptions { ThrottleRequests = 2, ThrottleWindow = TimeSpan.FromSeconds(4), TimeScale = 0.1, RetryAfterFormat = RetryAfterFormat.Fractional };
        await using var sim = await GraphSimulatorHost.StartAsync(options, tenant);
        using var client = new SimClient(sim);
        await client.GetAsync(SimClient.SignIns(top: 1));
        await client.GetAsync(SimClient.SignIns(top: 1));

        var throttled = await client.GetAsync(SimClient.SignIns(top: 1));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        double wait = double.Parse(throttled.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(wait, 0.05, 0.45);

        await Task.Delay(TimeSpan.FromSeconds(wait + 0.05));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimClient.SignIns(top: 1))).Status);
    }

    [Fact]
    public async Task A_skip_token_expires_and_cannot_be_forged_or_moved_to_another_query()
    {
        var options = NoThrottle with { SkipTokenLifetime = TimeSpan.FromMilliseconds(600) };
        await using var sim = await GraphSimulatorHost.StartAsync(options, tenant);
        using var client = new SimClient(sim);
        var first = await client.GetAsync(SimClient.SignIns(top: 10));
        string next = first.NextLink!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(next)).Status);

        await Task.Delay(900);
        (await client.GetAsync(next)).AssertGraphError(HttpStatusCode.BadRequest, "Directory_ExpiredPageToken");

        string token = next[(next.IndexOf("$skiptoken=", StringComparison.Ordinal) + 11)..];
        (await client.GetAsync("beta/auditLogs/signIns?$top=10&$skiptoken=not-a-token")).AssertGraphError(HttpStatusCode.BadRequest, "UnknownError");
        (await client.GetAsync("beta/auditLogs/signIns?$top=20&$skiptoken=" + token)).AssertGraphError(HttpStatusCode.BadRequest, "UnknownError");
    }

    public static TheoryData<FaultKind, int, string> ErrorFaults() => new()
    {
        { FaultKind.ServiceUnavailable, 503, "serviceNotAvailable" },
        { FaultKind.ServiceUnavailableNoRetryAfter, 503, "serviceNotAvailable" },
        { FaultKind.InternalServerError, 500, "UnknownError" },
        { FaultKind.GatewayTimeout, 504, "UnknownError" },
        { FaultKind.Throttled, 429, "TooManyRequests" },
        { FaultKind.Unauthorized, 401, "InvalidAuthenticationToken" },
        { FaultKind.NonPremiumTenant, 403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant" },
        { FaultKind.UnsupportedUserRole, 403, "Authentication_RequestFromUnsupportedUserRole" },
        { FaultKind.MissingScope, 403, "Authorization_RequestDenied" },
    };

    [Theory]
    [MemberData(nameof(ErrorFaults))]
    public async Task Each_error_fault_answers_the_scripted_request_only(FaultKind kind, int status, string code)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var rule = sim.Faults.OnNth(2, kind);

        var ok = await client.GetAsync(SimClient.SignIns(top: 5));
        var faulted = await client.GetAsync(ok.NextLink!);
        var again = await client.GetAsync(ok.NextLink!);

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        faulted.AssertGraphError((HttpStatusCode)status, code);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(ok.NextLink is null ? 0 : 1, rule.Fired);
        Assert.Equal(kind is FaultKind.ServiceUnavailable or FaultKind.Throttled, faulted.Headers.Contains("Retry-After"));
        Assert.Equal(kind, sim.Requests.SignIns()[1].Fault);
        Assert.Equal(0, sim.Faults.Pending);
    }

    [Fact]
    public async Task Dropped_connections_and_truncated_bodies_fail_the_way_a_client_sees_them()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        sim.Faults.Next(FaultKind.DropConnection);
        sim.Faults.Next(FaultKind.DropMidBody);
        sim.Faults.Next(FaultKind.TruncatedBody);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.Http.GetAsync(SimClient.SignIns(top: 50)));
        await Assert.ThrowsAnyAsync<Exception>(() => client.Http.GetStringAsync(SimClient.SignIns(top: 50)));
        var truncated = await client.Http.GetAsync(SimClient.SignIns(top: 50));
        Assert.Equal(HttpStatusCode.OK, truncated.StatusCode);
        string body = await truncated.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"@odata.context\"", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimClient.SignIns(top: 50))).Status);

        var faults = sim.Requests.SignIns().Select(r => r.Fault).ToArray();
        Assert.Equal(new FaultKind?[] { FaultKind.DropConnection, FaultKind.DropMidBody, FaultKind.TruncatedBody, null }, faults.OrderBy(f => f is null).ThenBy(f => f));
    }

    [Fact]
    public async Task Expired_skip_token_fault_hits_the_next_continuation_page()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        sim.Faults.Next(FaultKind.ExpiredSkipToken);

        var first = await client.GetAsync(SimClient.SignIns(top: 5));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        (await client.GetAsync(first.NextLink!)).AssertGraphError(HttpStatusCode.BadRequest, "Directory_ExpiredPageToken");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(first.NextLink!)).Status);
    }

    [Fact]
    public async Task Hidden_conditional_access_serves_null_policies_per_request_or_for_the_whole_run()
    {
        await using (var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant))
        {
            using var client = new SimClient(sim);
            sim.Faults.Next(FaultKind.HideConditionalAccess);
            var hidden = await client.GetAsync(SimClient.SignIns(top: 20));
            var visible = await client.GetAsync(SimClient.SignIns(top: 20));
            Assert.All(hidden.Values, v => Assert.Equal(JsonValueKind.Null, v.GetProperty("appliedConditionalAccessPolicies").ValueKind));
            Assert.Contains(visible.Values, v => v.GetProperty("appliedConditionalAccessPolicies").GetArrayLength() > 0);
        }

        await using (var sim = await GraphSimulatorHost.StartAsync(NoThrottle with { ConditionalAccess = ConditionalAccessVisibility.Empty }, tenant))
        {
            using var client = new SimClient(sim);
            Assert.All((await client.GetAsync(SimClient.SignIns(top: 20))).Values, v => Assert.Equal(0, v.GetProperty("appliedConditionalAccessPolicies").GetArrayLength()));
        }
    }

    [Fact]
    public async Task Random_faults_are_seeded_and_leave_the_first_page_alone_when_asked()
    {
        var options = NoThrottle with
        {
            RandomFaults = new RandomFaultOptions { Seed = 7, OnlyContinuationPages = true, Rates = new Dictionary<FaultKind, double> { [FaultKind.ServiceUnavailable] = 0.5 } },
        };
        var runs = new List<int[]>();
        for (int run = 0; run < 2; run++)
        {
            await using var sim = await GraphSimulatorHost.StartAsync(options, tenant);
            using var client = new SimClient(sim);
            var first = await client.GetAsync(SimClient.SignIns(top: 5));
            Assert.Equal(HttpStatusCode.OK, first.Status);
            var statuses = new List<int>();
            for (int i = 0; i < 12; i++)
            {
                statuses.Add((int)(await client.GetAsync(first.NextLink!)).Status);
            }

            runs.Add(statuses.ToArray());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains(503, runs[0]);
        Assert.Contains(200, runs[0]);
    }

    [Fact]
    public async Task Evolvable_enum_members_become_unknownFutureValue_unless_Prefer_asks_for_them()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle with { EchoPreferenceApplied = true }, tenant);
        using var client = new SimClient(sim);
        string filter = "signInEventTypes/any(t: t eq 'nonInteractiveUser')";
        var stored = tenant.SignIns.Where(s => !s.IsInteractiveUser)
            .Select(s => JsonDocument.Parse(s.Json).RootElement.GetProperty("incomingTokenType").GetString()).ToList();
        Assert.Contains("refreshToken", stored);

        var plain = await client.GetAllIdsAsync(SimClient.SignIns(filter: filter));
        var withoutPrefer = await client.GetAsync(SimClient.SignIns(filter: filter, top: 1000));
        var withPrefer = await client.GetAsync(SimClient.SignIns(filter: filter, top: 1000), prefer: "include-unknown-enum-members");

        Assert.Equal(stored.Count, plain.Ids.Count);
        var served = withoutPrefer.Values.Select(v => v.GetProperty("incomingTokenType").GetString()).ToList();
        Assert.DoesNotContain("refreshToken", served);
        Assert.Contains("unknownFutureValue", served);
        Assert.Equal(stored.Take(served.Count), withPrefer.Values.Select(v => v.GetProperty("incomingTokenType").GetString()));
        Assert.Equal("include-unknown-enum-members", withPrefer.Headers.GetValues("Preference-Applied").Single());
        Assert.False(withoutPrefer.Headers.Contains("Preference-Applied"));
        Assert.Equal("include-unknown-enum-members", sim.Requests.SignIns()[^1].Prefer);
    }

    [Fact]
    public async Task Graph_endpoints_need_a_bearer_token_and_the_log_never_holds_it()
    {
        const string secretToken = "very-secret-token-value";
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle with { AcceptedTokens = new[] { secretToken } }, tenant);
        using var anonymous = new SimClient(sim, token: null);
        using var wrong = new SimClient(sim, token: "another-token");
        using var right = new SimClient(sim, token: secretToken);

        (await anonymous.GetAsync(SimClient.SignIns(top: 1))).AssertGraphError(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        (await wrong.GetAsync("v1.0/organization")).AssertGraphError(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync(SimClient.SignIns(top: 1, filter: "status/errorCode eq 0"))).Status);
        var organization = await right.GetAsync("v1.0/organization");
        Assert.Equal(tenant.TenantId, organization.Values.Single().GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("beta/organization")).Status);
        (await right.GetAsync("beta/users")).AssertGraphError(HttpStatusCode.NotFound, "UnknownError");

        var log = sim.Requests.Snapshot();
        Assert.Equal(new[] { false, true, true, true, true, true }, log.Select(r => r.HasAuthorization));
        Assert.Equal("status/errorCode eq 0", log[2].Filter);
        Assert.Equal("1", log[2].Top);
        Assert.DoesNotContain(log, r => r.ToString().Contains(secretToken, StringComparison.Ordinal));
        Assert.StartsWith("hash:", log[2].AppKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_endpoint_issues_a_token_whose_appid_the_throttle_uses()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 1 }, tenant);
        using var http = new HttpClient { BaseAddress = sim.AuthorityUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bbbbbbbb-0000-0000-0000-00000000000b",
            ["client_secret"] = "s3cret",
            ["scope"] = "https://graph.microsoft.com/.default",
        });

        using var response = await http.PostAsync("contoso.onmicrosoft.com/oauth2/v2.0/token", form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        using var client = new SimClient(sim, json.RootElement.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SimClient.SignIns(top: 1))).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(SimClient.SignIns(top: 1))).Status);
        Assert.All(sim.Requests.SignIns(), r => Assert.Equal("bbbbbbbb-0000-0000-0000-00000000000b", r.AppKey));

        using var openId = JsonDocument.Parse(await http.GetStringAsync("contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration"));
        Assert.Equal(sim.AuthorityUri + "contoso.onmicrosoft.com/oauth2/v2.0/token", openId.RootElement.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public void Command_line_maps_to_options()
    {
        var options = SimulatorCommandLine.Parse(new[]
        {
            "--users", "10", "--days", "2", "--port", "0", "--latency-ms", "1000", "--throttle", "5/10s", "--time-scale", "0.1",
            "--skiptoken-lifetime", "90s", "--faults", "ServiceUnavailable=0.05,DropMidBody=0.01", "--ca", "null", "--token", "t1",
        })!;

        Assert.Equal(10, options.Data.Users);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PageLatency);
        Assert.Equal((5, TimeSpan.FromSeconds(10)), (options.ThrottleRequests, options.ThrottleWindow));
        Assert.Equal(0.1, options.TimeScale);
        Assert.Equal(TimeSpan.FromSeconds(90), options.SkipTokenLifetime);
        Assert.Equal(0.05, options.RandomFaults.Rates[FaultKind.ServiceUnavailable]);
        Assert.Equal(ConditionalAccessVisibility.Null, options.ConditionalAccess);
        Assert.Equal(new[] { "t1" }, options.AcceptedTokens);
        Assert.Null(SimulatorCommandLine.Parse(new[] { "--help" }));
        Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(new[] { "--throttle", "five" }));
    }
}
