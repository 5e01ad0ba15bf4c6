using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>The registration report filtered to named users: one escaped $filter, only their rows.</summary>
public class FilteredReportTests
{
    [Fact]
    public async Task Only_the_named_users_rows_come_back_from_one_request_with_every_value_escaped()
    {
        await using var graph = await SimulatedGraph.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0 });
        var truth = graph.Host.Tenant.Directory.RegistrationDetails;
        var named = new[] { EnrollmentSimulation.Upn(truth[3]), EnrollmentSimulation.Upn(truth[7]).ToUpperInvariant(), "o'neil@contoso.com" };
        var retriever = new EnrollmentRetriever(graph.Connection, EnrollmentSimulation.Options(pageSize: 999));
        var rows = new List<UserRegistration>();

        await retriever.ReadRegistrationReportAsync(
            named,
            row =>
            {
                rows.Add(row);
                return Task.CompletedTask;
            },
            null,
            CancellationToken.None);

        // o'neil is not in the tenant: asking for him must not break the filter (the quote is doubled), just find nobody.
        Assert.Equal(new[] { EnrollmentSimulation.Id(truth[3]), EnrollmentSimulation.Id(truth[7]) }, rows.Select(r => r.Id).OrderBy(id => id == EnrollmentSimulation.Id(truth[3]) ? 0 : 1));
        var request = Assert.Single(graph.Host.Requests.Snapshot(), r => r.Endpoint == SimEndpoint.UserRegistrationDetails);
        Assert.Equal(200, request.Status);
        Assert.Contains("userPrincipalName eq 'o''neil@contoso.com'", request.Filter, System.StringComparison.Ordinal);
        Assert.Equal(1, retriever.Requests);
    }
}
