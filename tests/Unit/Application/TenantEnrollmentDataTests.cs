using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Enrollment;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>TenantEnrollmentData against the loopback Graph simulator, reporting through a recording host.</summary>
public class TenantEnrollmentDataTests
{
    [Fact]
    public async Task Named_users_come_from_the_report_and_the_others_are_asked_live()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 });
        var row = graph.Host.Tenant.Directory.RegistrationDetails[0];
        var host = new RecordingRunHost();
        var data = new TenantEnrollmentData(graph.Connection, host);
        var targets = new[] { new EnrollmentTarget(null, EnrollmentSimulation.Upn(row)), new EnrollmentTarget(null, "nobody@nowhere.example") };

        var lookups = await data.LookupAsync(targets, live: false, CancellationToken.None);

        Assert.Equal(EnrollmentSimulation.Id(row), lookups[0].Snapshot!.UserId);
        Assert.Equal(MethodsSource.RegistrationReport, lookups[0].Snapshot!.Source);
        Assert.Null(lookups[1].Snapshot);
        Assert.Equal("UserNotFound", lookups[1].Error!.ErrorId);
        Assert.Contains(host.Verbose, v => v.StartsWith("1 of 2 users are not in the registration report", StringComparison.Ordinal));
        Assert.True(data.Requests >= 2, "the report and the live lookup each cost a request; got " + data.Requests);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task The_methods_policy_is_read_once_with_its_groups()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 });
        var data = new TenantEnrollmentData(graph.Connection, new RecordingRunHost());

        var (policy, membership) = await data.ReadMethodsPolicyAsync(CancellationToken.None);

        Assert.True(policy.IsKnown);
        Assert.Null(data.MethodsPolicyUnavailableReason);
        Assert.True(membership.IsComplete);
    }
}
