using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.GraphSimulator.LogAnalytics;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>The simulator's Log Analytics query API over HTTP: shapes, quirks, caps, timeout, throttle, errors, faults, log.</summary>
[Collection(SimulatorDataGroup.Name)]
public sealed class LogAnalyticsQueryApiTests(SimulatorData data)
{
    private const string Window = "where TimeGenerated >= datetime(2026-11-01T00:00:00Z) and TimeGenerated < datetime(2026-12-01T00:00:00Z)";

    private Task<GraphSimulatorHost> StartAsync(LogAnalyticsOptions? la = null, double timeScale = 1) =>
        GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { ThrottleRequests = 0, TimeScale = timeScale, LogAnalytics = la ?? new LogAnalyticsOptions() }, data.Tenant);

    [Fact]
    public async Task AnswersWithTheServiceShapeAndTypes()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);

        var response = await client.QueryAsync("SigninLogs | sort by TimeGenerated desc | take 3 | project TimeGenerated, ResultType, ConditionalAccessPolicies, IsInteractive, DurationMs, Type");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("PrimaryResult", response.Table.GetProperty("name").GetString());
        Assert.Equal(new[] { "TimeGenerated", "ResultType", "ConditionalAccessPolicies", "IsInteractive", "DurationMs", "Type" }, response.ColumnNames);
        Assert.Equal(new[] { "datetime", "string", "dynamic", "bool", "long", "string" }, response.ColumnTypes);
        var row = response.Rows[0];
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$"), row[0].GetString());
        Assert.Equal(JsonValueKind.String, row[1].ValueKind);
        Assert.Equal(JsonValueKind.Array, row[2].ValueKind);
        Assert.Equal(JsonValueKind.True, row[3].ValueKind);
        Assert.Equal(JsonValueKind.Number, row[4].ValueKind);
        Assert.Equal("SigninLogs", row[5].GetString());
        Assert.Equal(3, response.Rows.Length);
    }

    [Fact]
    public async Task TheNonInteractiveTableHoldsTheJsonColumnsAsStrings()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);

        var schema = await client.QueryAsync("AADNonInteractiveUserSignInLogs | getschema | project ColumnName, ColumnType");
        var types = schema.Rows.ToDictionary(r => r[0].GetString()!, r => r[1].GetString()!);

        foreach (string column in new[] { "ConditionalAccessPolicies", "DeviceDetail", "LocationDetails", "MfaDetail", "Status", "ResultType" })
        {
            Assert.Equal("string", types[column]);
        }

        Assert.Equal("datetime", types["TimeGenerated"]);
        Assert.Equal("bool", types["IsInteractive"]);
        var rows = await client.QueryAsync("AADNonInteractiveUserSignInLogs | take 1 | project Status, Type");
        Assert.Equal(JsonValueKind.String, rows.Rows[0][0].ValueKind);
        Assert.StartsWith("{", rows.Rows[0][0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAJsonContentTypeTheAnswerIs200WithAnEmptyBody()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);

        var response = await client.QueryAsync("SigninLogs | take 1", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("", response.Body);
    }

    [Fact]
    public async Task AWorkspaceWithoutDataAnswers204()
    {
        string file = Path.Combine(Path.GetTempPath(), "la-empty-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, "[]");
        try
        {
            await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = SimDataSource.FromFile(file) });
            using var client = new LogAnalyticsQueryClient(sim);

            var response = await client.QueryAsync("SigninLogs | take 1");

            Assert.Equal(HttpStatusCode.NoContent, response.Status);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnUnknownWorkspaceIs404AndAMissingTokenIs401()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);
        using var anonymous = new LogAnalyticsQueryClient(sim, token: null);

        var unknown = await client.QueryAsync("SigninLogs | take 1", workspaceId: Guid.Empty.ToString());
        var noToken = await anonymous.QueryAsync("SigninLogs | take 1");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("WorkspaceNotFoundError", unknown.ErrorCodes()[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.Status);
        Assert.Equal("AuthenticationFailed", noToken.ErrorCodes()[0]);
    }

    [Fact]
    public async Task AResultOverTheRowCapIsCutWithAPartialErrorAndTheRowsAreAPrefixOfTheSortedAnswer()
    {
        await using var full = await StartAsync();
        await using var capped = await StartAsync(new LogAnalyticsOptions { RowCap = 7 });
        using var fullClient = new LogAnalyticsQueryClient(full);
        using var cappedClient = new LogAnalyticsQueryClient(capped);
        const string Query = "SigninLogs | sort by CreatedDateTime desc, Id desc | project Id";

        var all = (await fullClient.QueryAsync(Query)).Cells("Id").Select(c => c.GetString()).ToArray();
        var cut = await cappedClient.QueryAsync(Query);

        Assert.Equal(HttpStatusCode.OK, cut.Status);
        Assert.Equal(all.Take(7), cut.Cells("Id").Select(c => c.GetString()));
        var error = cut.Json!.RootElement.GetProperty("error");
        Assert.Equal("PartialError", error.GetProperty("code").GetString());
        Assert.Equal("Query result set has exceeded the internal record count limit 7 (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)",
            error.GetProperty("details")[0].GetProperty("message").GetString());
        Assert.True(capped.Requests.LogAnalyticsQueries().Single().Partial);
        Assert.Equal(7, capped.Requests.LogAnalyticsQueries().Single().Records);
    }

    [Fact]
    public async Task AResultOverTheByteCapIsCutBelowTheCap()
    {
        await using var sim = await StartAsync(new LogAnalyticsOptions { ByteCap = 20_000 });
        using var client = new LogAnalyticsQueryClient(sim);

        var response = await client.QueryAsync("SigninLogs | sort by CreatedDateTime desc, Id desc | project Id, ConditionalAccessPolicies");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.InRange(response.Body.Length, 1, 21_000);
        Assert.NotEmpty(response.Rows);
        string message = response.Json!.RootElement.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString()!;
        Assert.Contains("internal data size limit 20000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryCostingMoreThanPreferWaitIs504()
    {
        await using var sim = await StartAsync(new LogAnalyticsOptions { CostPerRow = TimeSpan.FromSeconds(1) }, timeScale: 0.001);
        using var client = new LogAnalyticsQueryClient(sim);

        var slow = await client.QueryAsync("SigninLogs | count", prefer: "include-statistics=true, wait=2");
        var cheap = await client.QueryAsync("SigninLogs | where TimeGenerated > now() | count", prefer: "wait=600");

        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.Status);
        Assert.Equal("GatewayTimeout", slow.ErrorCodes()[0]);
        Assert.Equal(HttpStatusCode.OK, cheap.Status);
    }

    [Fact]
    public async Task TheQueryRateLimitAnswers429WithRetryAfterOrWithoutWhenAsked()
    {
        await using var sim = await StartAsync(new LogAnalyticsOptions { ThrottleRequests = 2 });
        await using var bare = await StartAsync(new LogAnalyticsOptions { ThrottleRequests = 1, OmitRetryAfter = true });
        using var client = new LogAnalyticsQueryClient(sim);
        using var bareClient = new LogAnalyticsQueryClient(bare);

        var statuses = new[] { await client.QueryAsync("SigninLogs | count"), await client.QueryAsync("SigninLogs | count"), await client.QueryAsync("SigninLogs | count") };
        await bareClient.QueryAsync("SigninLogs | count");
        var omitted = await bareClient.QueryAsync("SigninLogs | count");

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429 }, statuses.Select(s => s.Status));
        Assert.NotNull(statuses[2].Headers.RetryAfter);
        Assert.Equal("TooManyRequests", statuses[2].ErrorCodes()[0]);
        Assert.Equal((HttpStatusCode)429, omitted.Status);
        Assert.Null(omitted.Headers.RetryAfter);
    }

    [Fact]
    public async Task AMissingTableOrDroppedColumnIsSem0100InTheNestedShape()
    {
        await using var sim = await StartAsync(new LogAnalyticsOptions
        {
            MissingTables = new System.Collections.Generic.HashSet<string> { "AADNonInteractiveUserSignInLogs" },
            DroppedColumns = new System.Collections.Generic.HashSet<string> { "SessionId", "IncomingTokenType" },
        });
        using var client = new LogAnalyticsQueryClient(sim);

        var table = await client.QueryAsync("AADNonInteractiveUserSignInLogs | where ResultType == \"50074\"");
        var column = await client.QueryAsync("SigninLogs | where SessionId != \"\"");
        var fuzzy = await client.QueryAsync("union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs | summarize count() by Type");
        var tolerant = await client.QueryAsync("SigninLogs | take 1 | project S = column_ifexists(\"SessionId\", \"none\")");

        Assert.Equal(HttpStatusCode.BadRequest, table.Status);
        Assert.Equal(new[] { "BadArgumentError", "SemanticError", "SEM0100" }, table.ErrorCodes());
        var inner = table.Json!.RootElement.GetProperty("error").GetProperty("innererror").GetProperty("innererror");
        Assert.Equal("'where' operator: Failed to resolve table or column expression named 'AADNonInteractiveUserSignInLogs'", inner.GetProperty("message").GetString());
        Assert.Equal("The request had some invalid properties", table.Json!.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(new[] { "BadArgumentError", "SemanticError", "SEM0100" }, column.ErrorCodes());
        Assert.Contains("named 'SessionId'", column.Body, StringComparison.Ordinal);
        Assert.Equal(new[] { "SigninLogs" }, fuzzy.Cells("Type").Select(c => c.GetString()));
        Assert.Equal("none", tolerant.Rows[0][0].GetString());
    }

    [Fact]
    public async Task AConstructOutsideTheSubsetIsASyntaxError()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);

        var response = await client.QueryAsync("SigninLogs | mv-expand todynamic(AuthenticationDetails)");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(new[] { "BadArgumentError", "SyntaxError", "SYN0002" }, response.ErrorCodes());
        Assert.Contains("'mv-expand'", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptedFaultsHitQueryRequestsAndTheLogKeepsTheQueryButNeverTheToken()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim, token: "secret-la-token");
        var rule = sim.Faults.Next(FaultKind.ServiceUnavailable, r => r.IsLogAnalyticsQuery);

        var faulted = await client.QueryAsync("SigninLogs | count");
        var ok = await client.QueryAsync("SigninLogs | count");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
        Assert.Equal("ServiceUnavailable", faulted.ErrorCodes()[0]);
        Assert.Equal(1, rule.Fired);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var logged = sim.Requests.LogAnalyticsQueries();
        Assert.Equal(new[] { 503, 200 }, logged.Select(l => l.Status));
        Assert.Equal("SigninLogs | count", logged[1].Kql);
        Assert.Equal(1, logged[1].Records);
        Assert.Equal(ok.Body.Length, logged[1].Bytes);
        Assert.Equal(FaultKind.ServiceUnavailable, logged[0].Fault);
        Assert.DoesNotContain(logged, l => l.ToString().Contains("secret-la-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBodyTimespanIntersectsTheTimeGeneratedRange()
    {
        await using var sim = await StartAsync();
        using var client = new LogAnalyticsQueryClient(sim);
        var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

        var response = await client.QueryAsync("union SigninLogs, AADNonInteractiveUserSignInLogs | count", timespan: "2026-11-20T00:00:00Z/P1D");
        var byQuery = await client.QueryAsync("union SigninLogs, AADNonInteractiveUserSignInLogs | where TimeGenerated >= datetime(2026-11-20) and TimeGenerated < datetime(2026-11-21) | count");

        Assert.Equal(byQuery.Rows[0][0].GetInt64(), response.Rows[0][0].GetInt64());
        Assert.InRange(response.Rows[0][0].GetInt64(), 1, data.Tenant.SignIns.Count(s => s.CreatedDateTime >= start.AddMinutes(-1) && s.CreatedDateTime < end));
    }
}

/// <summary>The --workspace-id and --la-* command-line options.</summary>
public sealed class LogAnalyticsCommandLineTests
{
    [Fact]
    public void TheLogAnalyticsOptionsParse()
    {
        var options = SimulatorCommandLine.Parse(new[]
        {
            "--workspace-id", "11111111-2222-3333-4444-555555555555", "--la-missing-tables", "AADNonInteractiveUserSignInLogs",
            "--la-drop-columns", "SessionId, IncomingTokenType", "--la-row-cap", "1000", "--la-byte-cap", "5000000", "--la-throttle", "10/5s",
            "--la-no-retry-after", "--la-concurrency", "2", "--la-cost-per-row-us", "3", "--la-preload",
        })!.LogAnalytics;

        Assert.Equal("11111111-2222-3333-4444-555555555555", options.WorkspaceId);
        Assert.Equal(new[] { "AADNonInteractiveUserSignInLogs" }, options.MissingTables);
        Assert.Equal(new[] { "IncomingTokenType", "SessionId" }, options.DroppedColumns.Order(StringComparer.Ordinal));
        Assert.Equal(1000, options.RowCap);
        Assert.Equal(5_000_000, options.ByteCap);
        Assert.Equal((10, TimeSpan.FromSeconds(5)), (options.ThrottleRequests, options.ThrottleWindow));
        Assert.True(options.OmitRetryAfter);
        Assert.True(options.Preload);
        Assert.Equal(2, options.MaxConcurrent);
        Assert.Equal(TimeSpan.FromMicroseconds(3), options.CostPerRow);
        Assert.Equal(LogAnalyticsOptions.DefaultWorkspaceId, SimulatorCommandLine.Parse(Array.Empty<string>())!.LogAnalytics.WorkspaceId);
        Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(new[] { "--la-row-cap", "0" }));
        Assert.Throws<ArgumentException>(() => SimulatorCommandLine.Parse(new[] { "--workspace-id", "not-a-guid" }));
    }
}

/// <summary>A tenant loaded from a Graph JSON file: its sign-ins in the table their event type names, workload ones included.</summary>
public sealed class LogAnalyticsFileWorkspaceTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "la-workload-" + Guid.NewGuid().ToString("N") + ".json");

    public LogAnalyticsFileWorkspaceTests() => File.WriteAllText(file, """
        [
          {"id":"u1","createdDateTime":"2026-11-20T10:00:00Z","userPrincipalName":"svc@contoso.com","appId":"a1","signInEventTypes":["nonInteractiveUser"],"status":{"errorCode":50076,"failureReason":"MFA needed"},"appliedConditionalAccessPolicies":[{"id":"p1","result":"failure"}]},
          {"id":"i1","createdDateTime":"2026-11-20T11:00:00Z","userPrincipalName":"ann@contoso.com","appId":"a1","isInteractive":true,"signInEventTypes":["interactiveUser"],"status":{"errorCode":0},"appliedConditionalAccessPolicies":[]},
          {"id":"s1","createdDateTime":"2026-11-21T10:00:00Z","servicePrincipalId":"sp-1","servicePrincipalName":"Backup job","appId":"a2","signInEventTypes":["servicePrincipal"],"status":{"errorCode":0}},
          {"id":"m1","createdDateTime":"2026-11-22T10:00:00Z","servicePrincipalId":"mi-1","appId":"a3","signInEventTypes":["managedIdentity"],"status":{"errorCode":7000215}}
        ]
        """);

    public void Dispose() => File.Delete(file);

    [Fact]
    public async Task EachSignInLandsInItsTableWithTheGraphValues()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = SimDataSource.FromFile(file) });
        using var client = new LogAnalyticsQueryClient(sim);

        var byType = await client.QueryAsync("union withsource=Table SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs | project Table, Id, ResultType, TimeGenerated | sort by Id asc");
        var workload = await client.QueryAsync("AADServicePrincipalSignInLogs | where ServicePrincipalId == \"sp-1\" | project ServicePrincipalName, AppId");
        var policies = await client.QueryAsync("AADNonInteractiveUserSignInLogs | project P = tostring(todynamic(ConditionalAccessPolicies)[0].result), ResultDescription, UserPrincipalName");
        var interactive = await client.QueryAsync("SigninLogs | project P = array_length(ConditionalAccessPolicies), IsInteractive");

        Assert.Equal(new[] { "SigninLogs", "AADManagedIdentitySignInLogs", "AADServicePrincipalSignInLogs", "AADNonInteractiveUserSignInLogs" },
            byType.Cells("Table").Select(c => c.GetString()));
        Assert.Equal(new[] { "0", "7000215", "0", "50076" }, byType.Cells("ResultType").Select(c => c.GetString()));
        Assert.Equal("2026-11-20T11:00:00.0000000Z", byType.Cells("TimeGenerated")[0].GetString());
        Assert.Equal("Backup job", workload.Rows.Single()[0].GetString());
        Assert.Equal(new[] { "failure", "MFA needed", "svc@contoso.com" }, policies.Rows.Single().EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, interactive.Rows.Single()[0].GetInt64());
        Assert.True(interactive.Rows.Single()[1].GetBoolean());
    }
}
