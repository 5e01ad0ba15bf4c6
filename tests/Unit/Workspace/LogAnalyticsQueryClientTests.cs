using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Workspace;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Workspace;

public sealed class LogAnalyticsQueryClientTests
{
    private static readonly string[] Columns = { "ColumnName", "ColumnType" };

    [Fact]
    public async Task Sends_the_query_as_json_with_a_bearer_token_and_the_server_wait()
    {
        var handler = new ScriptedQueryHandler().Then(HttpStatusCode.OK, ScriptedQueryHandler.Result(Columns, new[] { new object?[] { "Id", "string" } }));
        var client = handler.Client(new ManualClock(), new WorkspaceClientOptions { ServerTimeout = TimeSpan.FromMinutes(4) });

        using var table = await client.QueryAsync("SigninLogs | getschema", CancellationToken.None);

        var sent = Assert.Single(handler.Sent);
        Assert.Equal("SigninLogs | getschema", sent.Kql);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("wait=240", sent.Prefer);
        Assert.Equal("Bearer scripted-token", sent.Authorization);
        Assert.Equal("https://la.example/v1/workspaces/11111111-2222-3333-4444-555555555555/query", sent.Uri.ToString());
        Assert.Equal(1, table.RowCount);
        Assert.Equal("Id", table.Cell(0, "ColumnName").GetString());
        Assert.False(table.Truncated);
    }

    [Fact]
    public async Task Waits_out_429_for_the_Retry_After_it_names_and_backs_off_without_one()
    {
        var clock = new ManualClock();
        var handler = new ScriptedQueryHandler()
            .Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7))
            .Then(HttpStatusCode.TooManyRequests)
            .Then(HttpStatusCode.OK, ScriptedQueryHandler.Result(Columns, Array.Empty<object?[]>()));
        var client = handler.Client(clock);

        using var table = await client.QueryAsync("print 1", CancellationToken.None);

        Assert.Equal(3, handler.Sent.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2) }, clock.Delays.Where(d => d > TimeSpan.Zero));
        Assert.Equal(2, client.Throttled);
        Assert.Equal(1, client.Queries);
        Assert.Equal(3, client.Requests);
    }

    [Fact]
    public async Task Stops_with_WorkspaceThrottled_when_429s_outlast_the_bound()
    {
        var handler = new ScriptedQueryHandler();
        for (var i = 0; i < 5; i++)
        {
            handler.Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(2));
        }

        var client = handler.Client(new ManualClock());
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => client.QueryAsync("print 1", CancellationToken.None));

        Assert.Equal(ErrorIds.WorkspaceThrottled, error.ErrorId);
        Assert.Equal(3, handler.Sent.Count);
    }

    [Fact]
    public async Task Retries_5xx_and_dropped_connections_then_gives_up_with_WorkspaceUnavailable()
    {
        var handler = new ScriptedQueryHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .ThenThrow(new HttpRequestException("connection reset"))
            .Then(HttpStatusCode.OK, ScriptedQueryHandler.Result(Columns, Array.Empty<object?[]>()));
        var client = handler.Client(new ManualClock());
        using (await client.QueryAsync("print 1", CancellationToken.None))
        {
            Assert.Equal(2, client.Retries);
        }

        var failing = new ScriptedQueryHandler();
        for (var i = 0; i < 3; i++)
        {
            failing.Then(HttpStatusCode.BadGateway);
        }

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => failing.Client(new ManualClock(), new WorkspaceClientOptions { MaxTransientRetries = 2 }).QueryAsync("print 1", CancellationToken.None));
        Assert.Equal(ErrorIds.WorkspaceUnavailable, error.ErrorId);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_table_is_WorkspaceTableMissing_naming_the_diagnostic_setting_category()
    {
        const string Body = """
            {"error":{"code":"BadArgumentError","message":"The request had some invalid properties","innererror":{"code":"SemanticError","message":"A semantic error occurred.","innererror":{"code":"SEM0100","message":"'getschema' operator: Failed to resolve table or column expression named 'AADNonInteractiveUserSignInLogs'"}}}}
            """;
        var client = new ScriptedQueryHandler().Then(HttpStatusCode.BadRequest, Body).Client(new ManualClock());

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => client.QueryAsync("AADNonInteractiveUserSignInLogs | getschema", CancellationToken.None));

        Assert.Equal(ErrorIds.WorkspaceTableMissing, error.ErrorId);
        Assert.Contains("AADNonInteractiveUserSignInLogs", error.Message, StringComparison.Ordinal);
        Assert.Contains("NonInteractiveUserSignInLogs", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_and_a_bad_query_are_WorkspaceQueryFailed_with_the_engines_words()
    {
        const string Column = """{"error":{"code":"BadArgumentError","message":"The request had some invalid properties","innererror":{"code":"SemanticError","message":"A semantic error occurred.","innererror":{"code":"SEM0100","message":"'project' operator: Failed to resolve scalar expression named 'SessionId'"}}}}""";
        var client = new ScriptedQueryHandler().Then(HttpStatusCode.BadRequest, Column).Client(new ManualClock());
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => client.QueryAsync("x", CancellationToken.None));
        Assert.Equal(ErrorIds.WorkspaceQueryFailed, error.ErrorId);
        Assert.Contains("lacks the column SessionId", error.Message, StringComparison.Ordinal);

        const string Syntax = """{"error":{"code":"BadArgumentError","message":"The request had some invalid properties","innererror":{"code":"SyntaxError","message":"A recognition error occurred in the query."}}}""";
        error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => new ScriptedQueryHandler().Then(HttpStatusCode.BadRequest, Syntax).Client(new ManualClock()).QueryAsync("x", CancellationToken.None));
        Assert.Equal(ErrorIds.WorkspaceQueryFailed, error.ErrorId);
        Assert.Contains("A recognition error occurred in the query.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "InsufficientAccessError", nameof(ErrorIds.WorkspaceAccessDenied))]
    [InlineData(HttpStatusCode.Unauthorized, "AuthenticationFailed", nameof(ErrorIds.WorkspaceAccessDenied))]
    [InlineData(HttpStatusCode.NotFound, "PathNotFoundError", nameof(ErrorIds.WorkspaceNotFound))]
    [InlineData(HttpStatusCode.GatewayTimeout, "GatewayTimeout", nameof(ErrorIds.WorkspaceTimeout))]
    public async Task Other_answers_get_their_own_ids_and_never_the_token(HttpStatusCode status, string code, string id)
    {
        var client = new ScriptedQueryHandler().Then(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"nope\"}}").Client(new ManualClock(), token: "secret-token-value");

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => client.QueryAsync("x", CancellationToken.None));

        Assert.Equal(id, error.ErrorId);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", error.Message + error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_200_is_an_error_and_204_an_empty_table()
    {
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => new ScriptedQueryHandler().Then(HttpStatusCode.OK, string.Empty).Client(new ManualClock()).QueryAsync("x", CancellationToken.None));
        Assert.Equal(ErrorIds.WorkspaceQueryFailed, error.ErrorId);

        using var empty = await new ScriptedQueryHandler().Then(HttpStatusCode.NoContent).Client(new ManualClock()).QueryAsync("x", CancellationToken.None);
        Assert.Equal(0, empty.RowCount);
    }

    [Fact]
    public async Task A_result_cut_at_the_cap_is_marked_truncated_and_its_rows_kept()
    {
        const string Partial = """{"code":"PartialError","message":"There were some errors when processing your query.","details":[{"code":"EngineError","message":"Query result set has exceeded the internal record count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)"}]}""";
        var handler = new ScriptedQueryHandler().Then(HttpStatusCode.OK, ScriptedQueryHandler.Result(Columns, new[] { new object?[] { "a", "string" }, new object?[] { "b", "string" } }, Partial));
        var client = handler.Client(new ManualClock());

        var response = await client.SendAsync("x", CancellationToken.None);
        Assert.True(response.IsCutAtCap);
        using var table = WorkspaceTableReader.Read(response);
        Assert.True(table.Truncated);
        Assert.Equal(2, table.RowCount);
        Assert.True(client.BytesReceived > 100);
    }
}
