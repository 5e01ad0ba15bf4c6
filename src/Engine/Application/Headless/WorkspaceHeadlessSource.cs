using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Progress;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.Workspace.Headless;
using EntraStrongAuth.Engine.Workspace;

namespace EntraStrongAuth.Engine.Application.Headless;

/// <summary>
/// Find-HeadlessUserSignIn -WorkspaceId: the sign-ins are summarized in the Log Analytics workspace
/// (<see cref="HeadlessKql"/>) and only the groups and run starts come back, so the bytes grow with the accounts and
/// the ways they sign in, not with the sign-ins. The scorer gives the same findings as it would from every sign-in.
/// A result cut at the query API's cap is read again in more slices of the accounts (2, 4, 8 …).
/// </summary>
public sealed class WorkspaceHeadlessSource
{
    /// <summary>The most slices a query is split into before giving up (each slice is a query of its own).</summary>
    public const int MaxPartitions = 256;

    private readonly IWorkspaceQueries _queries;
    private readonly IRunHost _host;
    private readonly string _workspace;

    public WorkspaceHeadlessSource(IWorkspaceQueries queries, IRunHost host, string workspace = "")
    {
        _workspace = workspace;
        _queries = queries ?? throw new ArgumentNullException(nameof(queries));
        _host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <summary>Groups and run starts returned by the last read (for the verbose line and the tests).</summary>
    public long RowsRead { get; private set; }

    /// <param name="scope">The window and the filters KQL can say exactly.</param>
    /// <param name="wantsAccount">The command's own account filter (wildcard names) on a group's UPN and id.</param>
    /// <param name="scorer">Receives the groups, then the run starts.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    internal async Task ReadAsync(HeadlessKqlScope scope, Func<string?, string?, bool> wantsAccount, HeadlessScorer scorer, CancellationToken cancellationToken)
    {
        RowsRead = 0;

        // The tables the workspace has: a missing one is warned about (with its diagnostic-settings category) and left out.
        var wanted = new List<SignInEventType>();
        if (scope.Interactive)
        {
            wanted.Add(SignInEventType.Interactive);
        }

        if (scope.NonInteractive)
        {
            wanted.Add(SignInEventType.NonInteractive);
        }

        var tables = await new WorkspaceSchema(_queries, _host.WriteWarningAsync).TablesAsync(wanted, _workspace, cancellationToken).ConfigureAwait(false);
        scope = scope.WithTables(tables.Any(t => t.EventType == SignInEventType.Interactive), tables.Any(t => t.EventType == SignInEventType.NonInteractive));
        var groups = await ReadAllAsync("Summarizing sign-ins per account in the workspace", p => HeadlessKql.Groups(scope, p), WorkspaceHeadlessRows.Group, cancellationToken).ConfigureAwait(false);
        var kept = groups.FindAll(g => wantsAccount(g.UserPrincipalName, g.UserId));
        scorer.AddGroups(kept);

        var origin = HeadlessKql.SecondsOrigin(scope).ToUnixTimeSeconds();
        var accounts = await ReadAllAsync("Reading each account's run starts", p => HeadlessKql.RunStarts(scope, perApp: false, p), WorkspaceHeadlessRows.Starts, cancellationToken).ConfigureAwait(false);
        foreach (var (account, _, starts) in accounts)
        {
            scorer.AddRunStarts(account, null, starts.Select(s => s + origin));
        }

        var apps = 0;
        if (scorer.Options.PerApp)
        {
            var perApp = await ReadAllAsync("Reading each account and app's run starts", p => HeadlessKql.RunStarts(scope, perApp: true, p), WorkspaceHeadlessRows.Starts, cancellationToken).ConfigureAwait(false);
            foreach (var (account, app, starts) in perApp)
            {
                scorer.AddRunStarts(account, app, starts.Select(s => s + origin));
            }

            apps = perApp.Count;
        }

        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Workspace: {0:N0} sign-ins came back as {1:N0} groups ({2:N0} left out by the account filters) and run starts of {3:N0} accounts{4}.",
            scorer.SignIns,
            groups.Count,
            groups.Count - kept.Count,
            accounts.Count,
            scorer.Options.PerApp ? " and " + apps.ToString("N0", CultureInfo.InvariantCulture) + " account-app pairs" : string.Empty)).ConfigureAwait(false);
    }

    private async Task<List<T>> ReadAllAsync<T>(string activity, Func<AccountPartition, string> kql, Func<WorkspaceTable, int, T> read, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var count = 1; ; count *= 2)
        {
            var rows = new List<T>();
            var cut = false;
            for (var index = 0; index < count && !cut; index++)
            {
                var status = new ProgressLine(clock.Elapsed)
                    .Text(count == 1 ? "Querying" : "Slice " + (index + 1) + " of " + count)
                    .CountWithRate(RowsRead + rows.Count, "rows read")
                    .ToString();
                await _host.WriteProgressAsync(new RunProgress(3, activity, status)
                {
                    PercentComplete = ProgressEstimate.Percent(index, count),
                    SecondsRemaining = ProgressEstimate.SecondsRemaining(index, count, clock.Elapsed),
                }).ConfigureAwait(false);
                using var table = await _queries.QueryAsync(kql(new AccountPartition(count, index)), cancellationToken).ConfigureAwait(false);
                cut = table.Truncated;
                for (var row = 0; !cut && row < table.RowCount; row++)
                {
                    rows.Add(read(table, row));
                }
            }

            await _host.WriteProgressAsync(new RunProgress(3, activity, "Done") { Completed = true }).ConfigureAwait(false);
            if (!cut)
            {
                RowsRead += rows.Count;
                return rows;
            }

            if (count >= MaxPartitions)
            {
                throw new EntraStrongAuthException(
                    ErrorIds.WorkspaceQueryFailed,
                    FailureKind.ResourceUnavailable,
                    activity + ": the result exceeded the query API's cap (500,000 rows or 64 MB) even in " + count + " slices of the accounts.",
                    "Narrow the window (-StartTime/-EndTime) or the accounts (-UserPrincipalName).");
            }

            await _host.WriteVerboseAsync(activity + ": the result was cut at the query API's cap; reading it again in " + (count * 2) + " slices of the accounts.").ConfigureAwait(false);
        }
    }
}
