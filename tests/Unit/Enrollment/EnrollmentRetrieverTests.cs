using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.SignInGenerator.TenantAuth;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>EnrollmentRetriever against the loopback Graph simulator: paging, faults, batches, throttling, policy and groups.</summary>
public class EnrollmentRetrieverTests
{
    private static readonly GraphSimulatorOptions NoThrottle = new() { ThrottleRequests = 0 };

    public static TheoryData<FaultKind?> ReportFaults => new() { null, FaultKind.ServiceUnavailable, FaultKind.Throttled, FaultKind.ExpiredSkipToken };

    [Theory]
    [MemberData(nameof(ReportFaults))]
    public async Task The_report_streams_every_row_once_in_order_also_under_faults(FaultKind? fault)
    {
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle);
        var rule = fault is { } kind
            ? graph.Host.Faults.OnNth(3, kind, r => r.Endpoint == SimEndpoint.UserRegistrationDetails, TimeSpan.FromSeconds(5))
            : null;
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options(pageSize: 25));
        var (events, warnings) = EnrollmentSimulation.Events();
        var rows = new List<UserRegistration>();
        var pagesSeen = new List<int>();
        await retriever.ReadRegistrationReportAsync(
            row =>
            {
                rows.Add(row);
                return Task.CompletedTask;
            },
            events,
            CancellationToken.None);

        var truth = graph.Host.Tenant.Directory.RegistrationDetails;
        Assert.Equal(truth.Select(EnrollmentSimulation.Id), rows.Select(r => r.Id));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.Empty(warnings);
        Assert.Equal(rule is null ? 0 : 1, rule?.Fired ?? 0);
        var pages = (truth.Count + 24) / 25;
        var requests = graph.Host.Requests.Snapshot().Where(r => r.Endpoint == SimEndpoint.UserRegistrationDetails).ToList();
        Assert.All(requests, r => Assert.Equal("25", r.Top));

        // A fault costs one more request; an expired skip token restarts from page 1 and re-reads the pages before it.
        var expected = fault switch
        {
            null => pages,
            FaultKind.ExpiredSkipToken => pages + 3,
            _ => pages + 1,
        };
        Assert.Equal(expected, requests.Count);
        Assert.Equal(expected, retriever.Requests);
        var first = rows[0];
        var json = truth[0];
        Assert.Equal(EnrollmentSimulation.Upn(json), first.UserPrincipalName);
        Assert.Equal(json.GetProperty("isMfaCapable").GetBoolean(), first.IsMfaCapable);
        Assert.Equal(json.GetProperty("methodsRegistered").EnumerateArray().Select(m => m.GetString()), first.MethodsRegistered);
        Assert.NotNull(first.LastUpdatedDateTime);
    }

    [Fact]
    public async Task Methods_of_45_users_take_5_batches_of_20_keep_input_order_and_map_unknown_users_to_not_found()
    {
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle);
        var directory = graph.Host.Tenant.Directory;
        var known = directory.RegistrationDetails.Take(42).ToList();

        // Ids and UPNs mixed; three users Graph does not know, with characters that must be escaped in a path.
        var asked = known.Select((r, i) => i % 2 == 0 ? EnrollmentSimulation.Id(r) : EnrollmentSimulation.Upn(r)).ToList();
        asked.Insert(5, "o'neil@contoso.com");
        asked.Insert(20, "a#b/c@contoso.com");
        asked.Add("00000000-0000-0000-0000-00000000dead");
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options());
        var (events, warnings) = EnrollmentSimulation.Events();

        var lookups = await retriever.ReadUserMethodsAsync(asked, events, CancellationToken.None);

        Assert.Equal(asked, lookups.Select(l => l.Requested));
        var log = graph.Host.Requests.Snapshot();
        Assert.Equal(5, log.Count(r => !r.InBatch && r.Endpoint == SimEndpoint.Batch)); // 45 users x 2 requests / 20
        Assert.Equal(5, retriever.Requests);
        Assert.Equal(90, log.Count(r => r.InBatch));
        // Escaped in the path, the simulator saw each name whole: an unescaped '/' would make another path, '#' would cut it.
        Assert.Contains(log, r => r.Endpoint == SimEndpoint.User && r.PathAndQuery.Contains("/users/o'neil@contoso.com?", StringComparison.Ordinal));
        Assert.Contains(log, r => r.Endpoint == SimEndpoint.User && r.PathAndQuery.Contains("/users/a%23b%2Fc@contoso.com", StringComparison.Ordinal));
        Assert.Contains(log, r => r.Endpoint == SimEndpoint.AuthenticationMethods && r.PathAndQuery.Contains("/users/a%23b%2Fc@contoso.com", StringComparison.Ordinal));
        Assert.Empty(warnings);

        var notFound = lookups.Where(l => !l.Found).Select(l => l.Requested).ToList();
        Assert.Equal(new[] { "o'neil@contoso.com", "a#b/c@contoso.com", "00000000-0000-0000-0000-00000000dead" }, notFound);
        Assert.All(lookups.Where(l => !l.Found), l => Assert.Equal(UserMethodsAnswer.NotFound, l.ErrorId));
        foreach (var (lookup, row) in lookups.Where(l => l.Found).Zip(known))
        {
            Assert.Equal(EnrollmentSimulation.Id(row), lookup.UserId);
            Assert.Equal(EnrollmentSimulation.Upn(row), lookup.UserPrincipalName);
            Assert.Equal(row.GetProperty("userType").GetString(), lookup.UserType);
            Assert.True(lookup.AccountEnabled);
            var snapshot = Assert.IsType<UserMethodsSnapshot>(lookup.Methods);
            Assert.Equal(MethodsSource.Live, snapshot.Source);
            Assert.NotNull(snapshot.AsOf);
            var served = directory.MethodsOf(lookup.UserId!)!;
            Assert.Equal(
                served.Select(m => Core.Strength.RegisteredMethod.NormalizeKind(m.GetProperty("@odata.type").GetString()!)),
                snapshot.Methods.Select(m => m.Kind));
            Assert.Equal(
                served.Select(m => m.TryGetProperty("aaGuid", out var a) ? a.GetString() : null),
                snapshot.Methods.Select(m => m.Aaguid));
        }
    }

    [Fact]
    public async Task Under_a_5_per_window_throttle_only_the_throttled_inner_requests_are_sent_again()
    {
        // The server allows 5 per window; the client's limiter is set to 20 so that whole batches of 20 arrive and 15 of each are refused.
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions());
        graph.Connection.SetRequestLimit(20, TimeSpan.FromTicks((long)(TimeSpan.FromSeconds(10).Ticks * SimulatedGraph.TimeScale)));
        var users = graph.Host.Tenant.Directory.RegistrationDetails.Take(30).Select(EnrollmentSimulation.Id).ToList();
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options());

        var lookups = await retriever.ReadUserMethodsAsync(users, null, CancellationToken.None);

        Assert.All(lookups, l => Assert.True(l.Found && l.Methods is not null, l.Requested + ": " + l.ErrorMessage));
        var inner = graph.Host.Requests.Snapshot().Where(r => r.InBatch).ToList();
        var throttled = inner.Count(r => r.Status == 429);
        Assert.True(throttled > 0, "the server throttled nothing: the test does not test retries");
        Assert.Equal(60 + throttled, inner.Count);

        // Every request succeeded exactly once: nothing that had its answer was asked again.
        var successes = inner.Where(r => r.Status == 200).GroupBy(r => r.PathAndQuery).ToList();
        Assert.Equal(60, successes.Count);
        Assert.All(successes, g => Assert.Single(g));
    }

    [Fact]
    public async Task The_methods_policy_and_its_groups_are_read_once_and_give_each_user_what_the_generator_meant()
    {
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle);
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options());
        var (events, warnings) = EnrollmentSimulation.Events();

        var read = await retriever.ReadMethodsPolicyAsync(events, CancellationToken.None);

        var data = EnrollmentSimulation.Intended(graph);
        Assert.Empty(warnings);
        Assert.Empty(read.Problems);
        Assert.True(read.Policy.IsKnown);
        Assert.Equal(new[] { data.PasswordlessPilot.Id }, read.Policy.TargetGroupIds);
        Assert.True(read.Membership.IsComplete);
        var log = graph.Host.Requests.Snapshot();
        Assert.Equal(1, log.Count(r => r.Endpoint == SimEndpoint.AuthenticationMethodsPolicy));
        var members = Assert.Single(log, r => r.Endpoint == SimEndpoint.GroupTransitiveMembers);
        Assert.Contains("/transitiveMembers/microsoft.graph.user?$select=id&$top=999", members.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(data.PasswordlessPilot.TransitiveUsers.Count, members.Records);
        Assert.Equal(2, retriever.Requests);

        // Nested groups are not users: the pilot's members are its transitive users only.
        Assert.Equal(
            data.PasswordlessPilot.TransitiveUsers.Select(u => u.Id).OrderBy(i => i, StringComparer.Ordinal),
            read.Membership.MembersOf(data.PasswordlessPilot.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(8, read.Policy.Configurations.Count);
        foreach (var auth in data.Users)
        {
            var policy = read.ForUser(auth.User.Id, auth.User.UserType == "guest");
            Assert.Equal(data.Fido2EnabledFor(auth.User), policy.IsMethodEnabled("Fido2"));
            Assert.True(policy.IsMethodEnabled("MicrosoftAuthenticator"));
            Assert.False(policy.IsMethodEnabled("Voice"));
            Assert.Equal(false, policy.SmsSignInAllowed);
            Assert.True(policy.AllowsAaguid(data.ApprovedAaGuids[0]));
            Assert.False(policy.AllowsAaguid(Fido2Keys.OtherAaGuid));
        }
    }

    [Fact]
    public async Task A_denied_methods_policy_is_unknown_with_a_warning_that_names_the_permission()
    {
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle with { DeniedEndpoints = new HashSet<SimEndpoint> { SimEndpoint.AuthenticationMethodsPolicy } });
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options());
        var (events, warnings) = EnrollmentSimulation.Events();

        var read = await retriever.ReadMethodsPolicyAsync(events, CancellationToken.None);

        Assert.Same(TenantMethodsPolicy.Unknown, read.Policy);
        Assert.False(read.ForUser("anyone", isGuest: false).IsKnown);
        var warning = Assert.Single(warnings);
        Assert.Contains("Policy.Read.All", warning, StringComparison.Ordinal);
        Assert.Contains("assume every method is enabled", warning, StringComparison.Ordinal);
        Assert.True(Assert.Single(read.Problems).IsWarning);
        Assert.Equal(0, graph.Host.Requests.Snapshot().Count(r => r.Endpoint == SimEndpoint.GroupTransitiveMembers));
    }

    [Fact]
    public async Task Denied_report_and_methods_name_the_permissions_to_grant()
    {
        var denied = new HashSet<SimEndpoint> { SimEndpoint.UserRegistrationDetails, SimEndpoint.AuthenticationMethods };
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle with { DeniedEndpoints = denied });
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options());

        var error = await Assert.ThrowsAsync<Core.Errors.EntraStrongAuthException>(() => retriever.ReadRegistrationReportAsync(_ => Task.CompletedTask, null, CancellationToken.None));
        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        Assert.Contains("AuditLog.Read.All", error.RecommendedAction, StringComparison.Ordinal);

        var id = EnrollmentSimulation.Id(graph.Host.Tenant.Directory.RegistrationDetails[0]);
        var lookup = Assert.Single(await retriever.ReadUserMethodsAsync(new[] { id }, null, CancellationToken.None));
        Assert.True(lookup.Found);
        Assert.Equal(id, lookup.UserId);
        Assert.Null(lookup.Methods);
        Assert.Equal("GraphPermissionDenied", lookup.ErrorId);
        Assert.Contains("UserAuthenticationMethod.Read.All", lookup.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_and_live_methods_agree_for_every_user_of_the_generated_tenant()
    {
        await using var graph = await SimulatedGraph.StartAsync(NoThrottle);
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options(pageSize: 100));
        var report = new List<UserRegistration>();
        await retriever.ReadRegistrationReportAsync(r =>
        {
            report.Add(r);
            return Task.CompletedTask;
        }, null, CancellationToken.None);
        var live = await retriever.ReadUserMethodsAsync(report.Select(r => r.Id).ToList(), null, CancellationToken.None);
        var policy = await retriever.ReadMethodsPolicyAsync(null, CancellationToken.None);

        Assert.Equal(report.Count, live.Count);
        Assert.True(report.Count > 50);
        foreach (var (row, lookup) in report.Zip(live))
        {
            var kinds = lookup.Methods!.Methods.Select(m => m.Kind).ToList();
            Assert.Equal(row.MethodsRegistered.OrderBy(m => m, StringComparer.Ordinal), kinds.Select(ReportName).OfType<string>().OrderBy(m => m, StringComparer.Ordinal));

            // Microsoft's isMfaCapable (registered and allowed) from the live methods and the policy resolved for the user.
            var userPolicy = policy.ForUser(lookup.UserId!, lookup.UserType == "guest");
            var capable = lookup.Methods.Methods.Any(m => m.Kind switch
            {
                "fido2AuthenticationMethod" => userPolicy.IsMethodEnabled("Fido2"),
                "microsoftAuthenticatorAuthenticationMethod" or "phoneAuthenticationMethod" or "softwareOathAuthenticationMethod" or "windowsHelloForBusinessAuthenticationMethod" => true,
                _ => false,
            });
            Assert.True(row.IsMfaCapable == capable, row.UserPrincipalName + ": report says isMfaCapable " + row.IsMfaCapable);
        }
    }

    // The registration report's methodsRegistered name of a live method kind, as the generator writes them.
    private static string? ReportName(string kind) => kind switch
    {
        "microsoftAuthenticatorAuthenticationMethod" => "microsoftAuthenticatorPush",
        "phoneAuthenticationMethod" => "mobilePhone",
        "softwareOathAuthenticationMethod" => "softwareOneTimePasscode",
        "fido2AuthenticationMethod" => "passKeyDeviceBound",
        "windowsHelloForBusinessAuthenticationMethod" => "windowsHelloForBusiness",
        _ => null,
    };
}
