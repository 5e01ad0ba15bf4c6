using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// Reads the sign-ins a <see cref="SignInQuery"/> selects from a Log Analytics workspace instead of Graph, for every
/// command that reads live: the query's filters go into the KQL (<see cref="SignInKql"/>), only the columns the
/// classification (or, for <see cref="SignInQuery.LinkFieldsOnly"/>, the linker) reads come back, pages are cut by
/// keyset so a result cut at the API's cap resumes where it stopped and no row is read twice, and a query that outruns
/// the server timeout splits its time slice. Rows are parsed by the query-result reader the file path uses.
/// </summary>
public sealed class WorkspaceSignInReader : ISignInQueryReader
{
    private readonly LogAnalyticsQueryClient _client;
    private readonly IRunHost _host;
    private readonly WorkspaceSchema _schema;
    private readonly WorkspaceProgress _progress;

    public WorkspaceSignInReader(LogAnalyticsQueryClient client, IRunHost host, int activityId, string activity)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _client.Warning ??= host.WriteWarningAsync;
        _schema = new WorkspaceSchema(client, host.WriteWarningAsync);
        _progress = new WorkspaceProgress(host, activityId, activity);
    }

    /// <summary>Rows per page; tests lower it to exercise paging.</summary>
    public int PageRows { get; init; } = SignInKql.DefaultPageRows;

    public bool SupportsUserWindows => true;

    /// <summary>Names per query: KQL takes long lists (<c>in~ (dynamic([…]))</c>), unlike Graph's 15 <c>eq</c> clauses.</summary>
    public int MaxNamesPerQuery => 500;

    public LogAnalyticsQueryClient Client => _client;

    public async Task<RetrievalProgress> ReadAsync(SignInQuery query, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        if (query is null || onSignIn is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(onSignIn));
        }

        if (!string.IsNullOrWhiteSpace(query.RawFilter))
        {
            throw new EntraStrongAuthException(
                ErrorIds.WorkspaceFilterUnsupported,
                FailureKind.InvalidArgument,
                "-Filter is an OData clause for Microsoft Graph; a workspace is queried in KQL.",
                "Use the command's own filters (-UserPrincipalName, -AppId, -ErrorCode, -StartTime, -EndTime), which go into the KQL, or run Get-StrongAuthKql and add your clause to the query in the workspace.");
        }

        var tables = await _schema.TablesAsync(query.EventTypes, _client.WorkspaceId.ToString("D"), cancellationToken).ConfigureAwait(false);
        var columns = query.LinkFieldsOnly ? WorkspaceColumns.Lean : WorkspaceColumns.Whole;
        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Reading sign-ins from {0:u} to {1:u} from workspace {2} ({3}; {4} columns).",
            query.Start,
            query.End,
            _client.WorkspaceId,
            string.Join(", ", tables.Select(t => t.Name)),
            query.LinkFieldsOnly ? "link" : "all classified")).ConfigureAwait(false);

        var run = new WorkspaceRun(query, onSignIn, _progress);
        var slices = new Stack<WorkspaceSlice>();
        slices.Push(new WorkspaceSlice(query.Start, query.End, null));
        while (slices.Count > 0 && !run.LimitReached)
        {
            var slice = slices.Pop();
            var kql = SignInKql.Page(query, tables, columns, slice.From, slice.To, slice.After, PageRows);
            if (kql is null)
            {
                break;
            }

            WorkspaceResponse response;
            try
            {
                response = await _client.SendAsync(kql, cancellationToken).ConfigureAwait(false);
            }
            catch (EntraStrongAuthException e) when (e.ErrorId == ErrorIds.WorkspaceTimeout && slice.CanSplit)
            {
                var (newer, older) = slice.Split();
                await _host.WriteVerboseAsync("A query over " + Describe(slice) + " outran the server timeout; reading it in two halves.").ConfigureAwait(false);
                slices.Push(older);
                slices.Push(newer);
                continue;
            }

            var page = await run.DeliverAsync(response, _client, cancellationToken).ConfigureAwait(false);
            if (response.PartialError is { } partial && !response.IsCutAtCap)
            {
                // A part of the data was unreachable: the rows are not a prefix of the answer, so nothing says what was lost.
                await _host.WriteWarningAsync("The workspace answered only in part (" + (partial.Detail ?? partial.Code) + "); sign-ins of " + Describe(slice) + " may be missing.").ConfigureAwait(false);
            }

            if (page.Last is { } last && (page.Rows >= PageRows || response.IsCutAtCap))
            {
                slices.Push(slice with { After = last });
            }
            else
            {
                run.Covered += slice.UnreadEnd - slice.From;
            }

            await _progress.ReportAsync(run, _client, query, slices.Count).ConfigureAwait(false);
        }

        await _progress.CompleteAsync().ConfigureAwait(false);
        var result = run.Result(_client, query);
        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Read {0:N0} sign-ins in {1:N0} queries ({2:N0} bytes; {3} throttled, {4} retried).",
            result.Records,
            _client.Queries,
            _client.BytesReceived,
            _client.Throttled,
            _client.Retries)).ConfigureAwait(false);
        return result;
    }

    private static string Describe(WorkspaceSlice slice) =>
        slice.From.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) + " to " + slice.UnreadEnd.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
}
