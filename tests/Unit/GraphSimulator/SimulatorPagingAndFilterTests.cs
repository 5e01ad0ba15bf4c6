using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>Paging, the $filter subset, $select and $top against a running simulator, checked against its own data.</summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorPagingAndFilterTests
{
    private const string BothUserKinds = "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')";
    private static readonly GraphSimulatorOptions NoThrottle = new() { ThrottleRequests = 0 };
    private readonly SimTenant tenant;

    public SimulatorPagingAndFilterTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task Paging_yields_every_record_exactly_once_newest_first()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var (ids, pages) = await client.GetAllIdsAsync(SimClient.SignIns(filter: BothUserKinds, top: 50));

        var expected = tenant.SignIns.Select(s => s.Id).ToList();
        Assert.Equal(expected, ids);
        Assert.True(pages > 3, $"only {pages} pages");
        Assert.Equal((expected.Count + 49) / 50, pages);
        var created = tenant.SignIns.Select(s => s.CreatedDateTime).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);
        Assert.Equal(pages, sim.Requests.SignIns().Count);
        Assert.All(sim.Requests.SignIns().Skip(1), r => Assert.True(r.HasSkipToken));
    }

    [Fact]
    public async Task Default_page_is_1000_and_links_carry_the_query_and_an_opaque_skiptoken()
    {
        // A busier tenant than the shared one, so that more than one default page exists.
        var options = NoThrottle with { Data = new SimDataSource { Seed = 42, Users = 500, Days = 7 } };
        await using var sim = await GraphSimulatorHost.StartAsync(options);
        using var client = new SimClient(sim);
        Assert.True(sim.Tenant.SignIns.Count > 1000, $"the test tenant needs more than one default page, has {sim.Tenant.SignIns.Count}");

        var page = await client.GetAsync(SimClient.SignIns(filter: BothUserKinds));

        Assert.Equal(1000, page.Values.Length);
        Assert.Equal(sim.BaseUri + "beta/$metadata#auditLogs/signIns", page.Json!.RootElement.GetProperty("@odata.context").GetString());
        var next = new Uri(page.NextLink!);
        Assert.Equal(sim.BaseUri.Authority, next.Authority);
        Assert.Equal("/beta/auditLogs/signIns", next.AbsolutePath);
        Assert.Matches(@"^\?\$filter=signInEventTypes%2Fany[^&]+&\$skiptoken=[A-Za-z0-9_-]+$", next.Query);
    }

    [Fact]
    public async Task Without_a_signInEventTypes_filter_beta_and_v1_serve_interactive_sign_ins_only()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var interactive = tenant.SignIns.Where(s => s.IsInteractiveUser).Select(s => s.Id).ToList();
        Assert.NotEqual(tenant.SignIns.Count, interactive.Count);

        Assert.Equal(interactive, (await client.GetAllIdsAsync(SimClient.SignIns())).Ids);
        Assert.Equal(interactive, (await client.GetAllIdsAsync(SimClient.SignIns("v1.0"))).Ids);
        var nonInteractive = await client.GetAllIdsAsync(SimClient.SignIns(filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')"));
        Assert.Equal(tenant.SignIns.Where(s => !s.IsInteractiveUser).Select(s => s.Id), nonInteractive.Ids);
    }

    [Fact]
    public async Task V1_drops_beta_only_properties_and_rejects_beta_filters()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var page = await client.GetAsync(SimClient.SignIns("v1.0", top: 5));
        var names = page.Values[0].EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("status", names);
        Assert.Contains("appliedConditionalAccessPolicies", names);
        Assert.DoesNotContain("authenticationDetails", names);
        Assert.DoesNotContain("signInEventTypes", names);
        Assert.DoesNotContain("incomingTokenType", names);
        Assert.Equal(sim.BaseUri + "v1.0/$metadata#auditLogs/signIns", page.Json!.RootElement.GetProperty("@odata.context").GetString());

        (await client.GetAsync(SimClient.SignIns("v1.0", filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')")))
            .AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
        (await client.GetAsync(SimClient.SignIns("v1.0", select: "id,authenticationDetails")))
            .AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
    }

    public static TheoryData<string> FilterForms() => new()
    {
        "createdDateTime ge 2026-11-20T00:00:00Z",
        "createdDateTime le 2026-11-20T00:00:00Z",
        "createdDateTime gt 2026-11-20T08:30:00Z and createdDateTime lt 2026-11-21T17:00:00.000Z",
        "createdDateTime ge 2026-11-20T01:00:00+01:00 and createdDateTime le 2026-11-20T12:00:00Z",
        "createdDateTime ge 2026-11-20",
        "status/errorCode eq 50076",
        "status/errorcode eq 0",
        "(status/errorCode eq 50074 or status/errorCode eq 50076 or status/errorCode eq 50079) and createdDateTime ge 2026-11-18T00:00:00Z",
        "signInEventTypes/any(t: t eq 'nonInteractiveUser') and (status/errorCode eq 50076 or status/errorCode eq 50079)",
        "signInEventTypes/any(t: t ne 'interactiveUser')",
        "signInEventTypes/any(t: t eq 'servicePrincipal')",
        "startswith(userPrincipalName,'a')",
        "startswith(userAgent, 'Mozilla')",
    };

    [Theory]
    [MemberData(nameof(FilterForms))]
    public async Task Each_filter_form_returns_exactly_the_matching_records(string filter)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var ids = (await client.GetAllIdsAsync(SimClient.SignIns(filter: filter))).Ids;

        var expected = tenant.SignIns.Where(Truth(filter)).Select(s => s.Id).ToList();
        Assert.Equal(expected, ids);
        Assert.Equal(filter, sim.Requests.SignIns()[0].Filter);
    }

    [Fact]
    public async Task Value_filters_match_one_user_app_and_escaped_quotes()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);
        var quoted = tenant.SignIns.First(s => s.UserPrincipalName!.Contains('\'', StringComparison.Ordinal));
        var someone = tenant.SignIns.First(s => s.IsInteractiveUser && s.ErrorCode != 0);

        string upn = quoted.UserPrincipalName!;
        var byQuotedUpn = await client.GetAllIdsAsync(SimClient.SignIns(filter: BothUserKinds + " and userPrincipalName eq '" + upn.Replace("'", "''", StringComparison.Ordinal) + "'"));
        Assert.Equal(tenant.SignIns.Where(s => s.UserPrincipalName == upn).Select(s => s.Id), byQuotedUpn.Ids);
        Assert.NotEmpty(byQuotedUpn.Ids);

        var byUser = await client.GetAllIdsAsync(SimClient.SignIns(filter: $"userId eq '{someone.UserId}'"));
        Assert.Equal(tenant.SignIns.Where(s => s.IsInteractiveUser && s.UserId == someone.UserId).Select(s => s.Id), byUser.Ids);

        var byApp = await client.GetAllIdsAsync(SimClient.SignIns(filter: $"appId eq '{someone.AppId}' and status/errorCode eq {someone.ErrorCode}"));
        Assert.Equal(tenant.SignIns.Where(s => s.IsInteractiveUser && s.AppId == someone.AppId && s.ErrorCode == someone.ErrorCode).Select(s => s.Id), byApp.Ids);

        // An unescaped quote ends the literal early: Graph (and the simulator) reject what follows instead of injecting it.
        (await client.GetAsync(SimClient.SignIns(filter: "userPrincipalName eq '" + upn + "'"))).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Theory]
    [InlineData("isInteractive eq true")]
    [InlineData("createdDateTime ge '2026-11-20T00:00:00Z'")]
    [InlineData("createdDateTime ge 2026-11-20T00:00:00")]
    [InlineData("status/errorCode ge 1")]
    [InlineData("status/errorCode eq '50076'")]
    [InlineData("(status/errorCode eq 0")]
    [InlineData("not (status/errorCode eq 0)")]
    [InlineData("authenticationProtocol eq 'ropc'")]
    [InlineData("userPrincipalName eq 'unterminated")]
    [InlineData("signInEventTypes/any(t: t eq 'robot')")]
    [InlineData("userPrincipalName eq 'a' and")]
    [InlineData("startswith(appId,'1')")]
    public async Task A_filter_outside_the_subset_gets_Graphs_invalid_filter_clause(string filter)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var error = (await client.GetAsync(SimClient.SignIns(filter: filter))).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Equal("Invalid filter clause", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("1001")]
    [InlineData("0")]
    [InlineData("ten")]
    public async Task Top_outside_1_to_1000_is_a_bad_request(string top)
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var error = (await client.GetAsync("beta/auditLogs/signIns?$top=" + top)).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");

        Assert.Contains("1000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties_and_rejects_unknown_ones()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(NoThrottle, tenant);
        using var client = new SimClient(sim);

        var page = await client.GetAsync(SimClient.SignIns(top: 3, select: "id,createdDateTime,status"));
        Assert.All(page.Values, v => Assert.Equal(new[] { "id", "createdDateTime", "status" }, v.EnumerateObject().Select(p => p.Name)));
        Assert.EndsWith("#auditLogs/signIns(id,createdDateTime,status)", page.Json!.RootElement.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Contains("$top=3&$select=id%2CcreatedDateTime%2Cstatus&$skiptoken=", page.NextLink, StringComparison.Ordinal);

        var error = (await client.GetAsync(SimClient.SignIns(select: "id,nonsense"))).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("nonsense", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        (await client.GetAsync("beta/auditLogs/signIns?$orderby=createdDateTime%20asc")).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
        (await client.GetAsync("beta/auditLogs/signIns?$skip=10")).AssertGraphError(HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("beta/auditLogs/signIns?$top=1&$orderby=createdDateTime%20desc")).Status);
    }

    /// <summary>The same filters as LINQ over the simulator's data (beta rule: no signInEventTypes → interactive only).</summary>
    private static Func<SimSignIn, bool> Truth(string filter)
    {
        static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        int[] stepUp = { 50074, 50076, 50079 };
        return filter switch
        {
            "createdDateTime ge 2026-11-20T00:00:00Z" => s => s.IsInteractiveUser && s.CreatedDateTime >= At("2026-11-20T00:00:00Z"),
            "createdDateTime le 2026-11-20T00:00:00Z" => s => s.IsInteractiveUser && s.CreatedDateTime <= At("2026-11-20T00:00:00Z"),
            "createdDateTime gt 2026-11-20T08:30:00Z and createdDateTime lt 2026-11-21T17:00:00.000Z" =>
                s => s.IsInteractiveUser && s.CreatedDateTime > At("2026-11-20T08:30:00Z") && s.CreatedDateTime < At("2026-11-21T17:00:00Z"),
            "createdDateTime ge 2026-11-20T01:00:00+01:00 and createdDateTime le 2026-11-20T12:00:00Z" =>
                s => s.IsInteractiveUser && s.CreatedDateTime >= At("2026-11-20T00:00:00Z") && s.CreatedDateTime <= At("2026-11-20T12:00:00Z"),
            "createdDateTime ge 2026-11-20" => s => s.IsInteractiveUser && s.CreatedDateTime >= At("2026-11-20T00:00:00Z"),
            "status/errorCode eq 50076" => s => s.IsInteractiveUser && s.ErrorCode == 50076,
            "status/errorcode eq 0" => s => s.IsInteractiveUser && s.ErrorCode == 0,
            "(status/errorCode eq 50074 or status/errorCode eq 50076 or status/errorCode eq 50079) and createdDateTime ge 2026-11-18T00:00:00Z" =>
                s => s.IsInteractiveUser && stepUp.Contains(s.ErrorCode) && s.CreatedDateTime >= At("2026-11-18T00:00:00Z"),
            "signInEventTypes/any(t: t eq 'nonInteractiveUser') and (status/errorCode eq 50076 or status/errorCode eq 50079)" =>
                s => s.SignInEventTypes.Contains("nonInteractiveUser") && (s.ErrorCode is 50076 or 50079),
            "signInEventTypes/any(t: t ne 'interactiveUser')" => s => s.SignInEventTypes.Any(t => t != "interactiveUser"),
            "signInEventTypes/any(t: t eq 'servicePrincipal')" => s => s.SignInEventTypes.Contains("servicePrincipal"),
            "startswith(userPrincipalName,'a')" => s => s.IsInteractiveUser && s.UserPrincipalName!.StartsWith('a'),
            "startswith(userAgent, 'Mozilla')" => s => s.IsInteractiveUser && s.UserAgent!.StartsWith("Mozilla", StringComparison.OrdinalIgnoreCase),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "no truth for this filter"),
        };
    }
}
