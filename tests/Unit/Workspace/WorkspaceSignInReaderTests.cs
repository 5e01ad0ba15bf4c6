using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Workspace;
using EntraStrongAuth.GraphSimulator.LogAnalytics;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Workspace;

public sealed class WorkspaceSignInReaderTests
{
    [Fact]
    public async Task Small_pages_deliver_every_user_sign_in_of_the_range_exactly_once()
    {
        await using var workspace = await SimulatedWorkspace.StartAsync();
        var query = workspace.WholeRange();
        var truth = workspace.Truth(query).Select(s => s.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var (signIns, host, client) = await workspace.ReadAsync(query, pageRows: 97);

        Assert.True(truth.Count > 500, "the tenant is big enough to need many pages");
        Assert.Equal(truth, signIns.Select(s => s.Id!).OrderBy(id => id, StringComparer.Ordinal));
        Assert.True(client.Queries >= (truth.Count / 97) + 2, "schema probes plus one query per page");
        Assert.Empty(host.Errors);
        Assert.Equal(signIns.OrderByDescending(s => s.CreatedDateTime).Select(s => s.Id), signIns.Select(s => s.Id));
    }

    [Fact]
    public async Task A_result_cut_at_the_services_cap_resumes_at_its_last_row()
    {
        // Above the ~95 rows of a table's schema, far below the sign-ins of the range.
        await using var workspace = await SimulatedWorkspace.StartAsync(new LogAnalyticsOptions { RowCap = 120 });
        var query = workspace.WholeRange();
        var truth = workspace.Truth(query).Select(s => s.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var (signIns, host, _) = await workspace.ReadAsync(query, pageRows: 1000);

        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
        Assert.Equal(truth.Count, signIns.Count);
        Assert.Equal(truth, signIns.Select(s => s.Id!).OrderBy(id => id, StringComparer.Ordinal));
        var cut = workspace.Host.Requests.LogAnalyticsQueries().Count(r => r.Partial);
        Assert.True(cut >= (truth.Count / 120) - 1, "the answers were cut at the cap: " + cut);
    }

    [Fact]
    public async Task A_schema_cut_short_stops_the_read_instead_of_dropping_columns()
    {
        await using var workspace = await SimulatedWorkspace.StartAsync(new LogAnalyticsOptions { RowCap = 40 });

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => workspace.ReadAsync(workspace.WholeRange()));

        Assert.Equal(ErrorIds.WorkspaceQueryFailed, error.ErrorId);
        Assert.Contains("came back cut short (40 columns)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_reach_the_workspace_and_only_matching_sign_ins_come_back()
    {
        await using var workspace = await SimulatedWorkspace.StartAsync();
        var whole = workspace.WholeRange();
        var some = workspace.Truth(whole).Where(s => s.ErrorCode == 50076).ToList();
        var user = some.GroupBy(s => s.UserPrincipalName).OrderByDescending(g => g.Count()).First().Key!;
        var query = new SignInQuery(whole.Start, whole.End) { ErrorCodes = new[] { 50076 }, UserPrincipalNames = new[] { user.ToUpperInvariant() } };

        var (signIns, _, _) = await workspace.ReadAsync(query);

        Assert.Equal(some.Where(s => s.UserPrincipalName == user).Select(s => s.Id).OrderBy(i => i, StringComparer.Ordinal), signIns.Select(s => s.Id!).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(signIns, s => Assert.Equal(50076, s.ErrorCode));
    }

    [Fact]
    public async Task A_missing_non_interactive_table_is_a_warning_with_its_category_and_the_rest_is_read()
    {
        await using var workspace = await SimulatedWorkspace.StartAsync(new LogAnalyticsOptions { MissingTables = new System.Collections.Generic.HashSet<string> { "AADNonInteractiveUserSignInLogs" } });
        var query = workspace.WholeRange();

        var (signIns, host, _) = await workspace.ReadAsync(query);

        var warning = Assert.Single(host.Warnings, w => w.Contains("no table AADNonInteractiveUserSignInLogs", StringComparison.Ordinal));
        Assert.Contains("send the category NonInteractiveUserSignInLogs", warning, StringComparison.Ordinal);
        Assert.Equal(workspace.Truth(query).Count(s => s.SignInEventTypes.Contains("interactiveUser")), signIns.Count);

        var onlyNonInteractive = new SignInQuery(query.Start, query.End) { EventTypes = new[] { SignInEventType.NonInteractive } };
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => workspace.ReadAsync(onlyNonInteractive));
        Assert.Equal(ErrorIds.WorkspaceTableMissing, error.ErrorId);
    }

    [Fact]
    public async Task An_OData_filter_is_refused_before_any_query()
    {
        await using var workspace = await SimulatedWorkspace.StartAsync();
        var whole = workspace.WholeRange();

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => workspace.ReadAsync(new SignInQuery(whole.Start, whole.End) { RawFilter = "appId eq 'x'" }));

        Assert.Equal(ErrorIds.WorkspaceFilterUnsupported, error.ErrorId);
        Assert.Empty(workspace.Host.Requests.LogAnalyticsQueries());
    }

    [Fact]
    public async Task A_timed_out_query_reads_its_range_in_two_halves_newest_first()
    {
        var schema = ScriptedQueryHandler.Result(new[] { "ColumnName", "ColumnType" }, new[] { new object?[] { "TimeGenerated", "datetime" }, new object?[] { "CreatedDateTime", "datetime" }, new object?[] { "Id", "string" }, new object?[] { "ResultType", "string" } });
        var empty = ScriptedQueryHandler.Result(new[] { "CreatedDateTime", "Id", "ResultType" }, Array.Empty<object?[]>());
        var handler = new ScriptedQueryHandler()
            .Then(HttpStatusCode.OK, schema)
            .Then(HttpStatusCode.GatewayTimeout, "{\"error\":{\"code\":\"GatewayTimeout\",\"message\":\"too long\"}}")
            .Then(HttpStatusCode.OK, empty)
            .Then(HttpStatusCode.OK, empty);
        var host = new RecordingRunHost();
        var reader = new WorkspaceSignInReader(handler.Client(new ManualClock()), host, 1, "Reading");
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var query = new SignInQuery(start, start.AddDays(2)) { EventTypes = new[] { SignInEventType.Interactive } };

        await reader.ReadAsync(query, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(4, handler.Sent.Count);
        Assert.Contains("CreatedDateTime >= datetime(2026-11-02T00:00:00.0000000Z) and CreatedDateTime < datetime(2026-11-03T00:00:00.0000000Z)", handler.Sent[2].Kql, StringComparison.Ordinal);
        Assert.Contains("CreatedDateTime >= datetime(2026-11-01T00:00:00.0000000Z) and CreatedDateTime < datetime(2026-11-02T00:00:00.0000000Z)", handler.Sent[3].Kql, StringComparison.Ordinal);
        Assert.Contains(host.Verbose, v => v.Contains("outran the server timeout; reading it in two halves", StringComparison.Ordinal));
    }
}
