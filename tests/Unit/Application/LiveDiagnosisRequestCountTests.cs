using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>
/// What one diagnosis costs in Graph requests, counted in the simulator's request log, per kind of request (a
/// pasted message, a correlation id, a user and a time), with and without the tenant's policies and methods. The
/// bounds are the ones docs/benchmarks.md states ("Debug-StrongAuthFailure: requests per diagnosis"): a regression
/// that adds reads fails here. A third of the tenant's failures (every cause) are diagnosed, one run each.
/// </summary>
[Collection(LiveDiagnosisTenantGroup.Name)]
public class LiveDiagnosisRequestCountTests
{
    // Measured: one failure costs 5 or 6 sign-in requests (locate 2, the user's history 2, the app's interrupts 1,
    // their users' successes 0 or 1) and up to 5 directory requests (policies, the methods policy, its group, one
    // $batch of the user and their methods): 11 Graph requests at most.
    private const int SignInRequestsPerFailure = 6;
    private const int DirectoryRequestsPerRun = 5;
    private const int RequestsPerFailure = 12;

    private readonly LiveDiagnosisTenant _tenant;

    public LiveDiagnosisRequestCountTests(LiveDiagnosisTenant tenant)
    {
        _tenant = tenant;
    }

    internal enum RequestKind
    {
        PastedMessage,
        CorrelationId,
        UserAndTime,
    }

    [Theory]
    [InlineData(RequestKind.PastedMessage, true)]
    [InlineData(RequestKind.PastedMessage, false)]
    [InlineData(RequestKind.CorrelationId, true)]
    [InlineData(RequestKind.CorrelationId, false)]
    [InlineData(RequestKind.UserAndTime, true)]
    [InlineData(RequestKind.UserAndTime, false)]
    internal async Task One_diagnosis_stays_within_its_request_budget(RequestKind kind, bool withTenantData)
    {
        await using var graph = await LiveDiagnosisGraph.StartAsync(_tenant);
        var over = new List<string>();
        foreach (var row in _tenant.Truth.Where((_, i) => i % 3 == 0))
        {
            graph.Host.Requests.Clear();
            var (diagnoses, host, signInRequests) = await graph.DiagnoseAsync(new[] { Request(kind, row) }, withTenantData);

            Assert.Empty(host.ErrorIds);
            Assert.Contains(diagnoses, d => d.SignInId == row.SignInId);
            var log = graph.Host.Requests.Snapshot();
            var signIns = log.Count(r => r.IsSignIns);
            var directory = log.Count(r => !r.IsSignIns && r.Endpoint != SimEndpoint.Batch);
            Assert.Equal(signIns, signInRequests);

            // A user and a time may locate several failures (measured: up to 4); each app among them adds its recovery reads.
            var apps = diagnoses.Select(d => d.AppId).Distinct().Count();
            var signInBound = kind == RequestKind.UserAndTime ? 4 + (2 * apps) : SignInRequestsPerFailure;
            var directoryBound = withTenantData ? DirectoryRequestsPerRun : 0;
            var totalBound = kind == RequestKind.UserAndTime ? signInBound + directoryBound : RequestsPerFailure;
            if (signIns > signInBound || directory > directoryBound || signIns + directory > totalBound)
            {
                over.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} sign-in and {2} directory requests", row.SignInId, signIns, directory));
            }
        }

        Assert.True(over.Count == 0, "over budget: " + string.Join("; ", over));
    }

    private static DiagnosisRequest Request(RequestKind kind, TruthRow row) => kind switch
    {
        RequestKind.PastedMessage => Assert.Single(DiagnosisRequests.FromMessage(string.Format(
            CultureInfo.InvariantCulture,
            "AADSTS{0}: Due to a configuration change made by your administrator, you must use multi-factor authentication. Trace ID: {1} Correlation ID: {2} Timestamp: {3:yyyy-MM-dd HH:mm:ss}Z",
            row.ErrorCode,
            row.SignInId,
            row.CorrelationId,
            row.CreatedDateTime.UtcDateTime))),
        RequestKind.CorrelationId => new DiagnosisRequest { CorrelationId = row.CorrelationId },
        _ => new DiagnosisRequest { UserPrincipalName = row.UserPrincipalName, At = row.CreatedDateTime },
    };
}
