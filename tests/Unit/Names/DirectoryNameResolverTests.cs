using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Names;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Names;

/// <summary>
/// The live name resolver against the Graph simulator: one getByIds for many object ids, appIds 15 to a filter inside
/// one $batch, built-in roles and first-party apps without a request, a cache that never asks twice, and a 403 that
/// leaves the ids and warns once with the permission that would name them.
/// </summary>
[Collection(SimulatorDataGroup.Name)]
public sealed class DirectoryNameResolverTests
{
    private const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    private const string AzureManagement = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

    private readonly SimTenant tenant;

    public DirectoryNameResolverTests(SimulatorData data) => tenant = data.Tenant;

    private List<string> UserIds(int count) =>
        tenant.Directory.RegistrationDetails.Take(count).Select(r => r.GetProperty("id").GetString()!).ToList();

    private static (DirectoryNameResolver Resolver, HttpClient Http) Resolver(GraphSimulatorHost sim)
    {
        var clock = SystemRetrievalClock.Instance;
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "names-test");
        var context = new GraphReadContext(http, sim.GraphBaseUri, new RequestRateLimiter(50, TimeSpan.FromSeconds(10), clock), new RetrievalOptions(), clock);
        return (new DirectoryNameResolver(context), http);
    }

    [Fact]
    public async Task Many_object_ids_are_named_in_one_getByIds_request_and_asked_for_once()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        var (resolver, http) = Resolver(sim);
        using (http)
        {
            var users = UserIds(40);
            var groups = tenant.Directory.GroupIds.ToList();
            var unknown = Guid.NewGuid().ToString();

            var names = await resolver.ResolveAsync(users.Concat(groups).Append(unknown).Append("All"), Array.Empty<string>(), new[] { GlobalAdministrator }, null, CancellationToken.None);

            var log = sim.Requests.Snapshot();
            Assert.Single(log);
            Assert.Equal(SimEndpoint.DirectoryObjectsByIds, log[0].Endpoint);
            Assert.Equal("POST", log[0].Method);
            Assert.Equal(1, resolver.Requests);
            var first = tenant.Directory.UserOf(users[0])!.Value.GetProperty("displayName").GetString();
            Assert.Equal(first, names.ObjectName(users[0]));
            Assert.All(users, u => Assert.NotNull(names.ObjectName(u)));
            Assert.Contains(groups.Select(names.ObjectName), n => n == "Passwordless pilot");
            Assert.Null(names.ObjectName(unknown));
            Assert.Equal("Global Administrator", names.RoleName(GlobalAdministrator));

            // The same ids again (and the unknown one, which Graph did not find): no request, the same names.
            var again = await resolver.ResolveAsync(users.Append(unknown), Array.Empty<string>(), Array.Empty<string>(), null, CancellationToken.None);
            Assert.Single(sim.Requests.Snapshot());
            Assert.Equal(first, again.ObjectName(users[0]));
        }
    }

    [Fact]
    public async Task AppIds_are_named_by_their_service_principals_fifteen_to_a_filter_in_one_batch()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 }, tenant);
        var (resolver, http) = Resolver(sim);
        using (http)
        {
            var tenantApps = tenant.Directory.Objects.ServicePrincipals.Select(sp => sp.GetProperty("appId").GetString()!).ToList();
            var unknownApps = Enumerable.Range(0, 17).Select(_ => Guid.NewGuid().ToString()).ToList();
            var apps = tenantApps.Concat(unknownApps).ToList();

            var names = await resolver.ResolveAsync(Array.Empty<string>(), apps, Array.Empty<string>(), null, CancellationToken.None);

            Assert.Equal(1, resolver.Requests);
            var inner = sim.Requests.Snapshot().Where(r => r.InBatch).ToList();
            Assert.All(inner, r => Assert.Equal(SimEndpoint.ServicePrincipals, r.Endpoint));
            Assert.All(inner, r => Assert.Equal(200, r.Status));
            Assert.All(inner, r => Assert.True(r.Filter!.Split(',').Length <= DirectoryNameResolver.MaxInValues, r.Filter));

            // First-party apps are named from the shipped table: only the tenant's own apps and the unknown ones are asked for.
            var asked = apps.Count(a => BuiltInDirectoryNames.All.AppName(a) is null);
            Assert.Equal((asked + 14) / 15, inner.Count);
            Assert.Equal("Windows Azure Service Management API", names.AppName(AzureManagement));
            Assert.Equal("Contoso Finance", tenantApps.Select(names.AppName).Single(n => n == "Contoso Finance"));
            Assert.All(unknownApps, a => Assert.Null(names.AppName(a)));
        }
    }

    [Fact]
    public async Task A_refused_lookup_leaves_the_ids_and_warns_once_with_the_permission()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions
        {
            ThrottleRequests = 0,
            DeniedEndpoints = new HashSet<SimEndpoint> { SimEndpoint.DirectoryObjectsByIds, SimEndpoint.ServicePrincipals },
        }, tenant);
        var (resolver, http) = Resolver(sim);
        using (http)
        {
            var warnings = new List<string>();
            var events = new RetrievalEvents { Warning = w => { warnings.Add(w); return Task.CompletedTask; } };
            var users = UserIds(3);
            var ownApp = tenant.Directory.Objects.ServicePrincipals.Select(sp => sp.GetProperty("appId").GetString()!).First(a => BuiltInDirectoryNames.All.AppName(a) is null);

            var names = await resolver.ResolveAsync(users, new[] { ownApp, AzureManagement }, new[] { GlobalAdministrator }, events, CancellationToken.None);

            Assert.All(users, u => Assert.Null(names.ObjectName(u)));
            Assert.Null(names.AppName(ownApp));
            Assert.Equal("Windows Azure Service Management API", names.AppName(AzureManagement));
            Assert.Equal("Global Administrator", names.RoleName(GlobalAdministrator));
            var warning = Assert.Single(warnings);
            Assert.Contains("Directory.Read.All", warning, StringComparison.Ordinal);
            Assert.Contains("3 users, groups and service principals", warning, StringComparison.Ordinal);
            Assert.Equal(1, sim.Requests.Snapshot().Count(r => r.Endpoint == SimEndpoint.DirectoryObjectsByIds && r.Status == 403));
        }
    }
}
