using System;
using System.Globalization;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Application;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>Write-Progress for a workspace read: sign-ins, queries, bytes and the share of the range read, at most four times a second.</summary>
internal sealed class WorkspaceProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly int _activityId;
    private readonly string _activity;
    private DateTime _last = DateTime.MinValue;
    private string _status = "Querying the workspace";
    private int _percent = -1;

    public WorkspaceProgress(IRunHost host, int activityId, string activity)
    {
        Host = host;
        _activityId = activityId;
        _activity = activity;
    }

    public IRunHost Host { get; }

    public Task ReportAsync(WorkspaceRun run, LogAnalyticsQueryClient client, SignInQuery query, int slicesLeft)
    {
        var now = DateTime.UtcNow;
        if (now - _last < Interval)
        {
            return Task.CompletedTask;
        }

        _last = now;
        var requested = query.End - query.Start;
        _percent = requested <= TimeSpan.Zero ? 100 : (int)Math.Min(100, 100.0 * run.Covered.Ticks / requested.Ticks);
        _status = string.Format(
            CultureInfo.InvariantCulture,
            "{0:N0} sign-ins; {1:N0} queries, {2:N1} MB; {3:N1} of {4:N1} h read; {5} slices left; {6} throttled",
            run.Records,
            client.Queries,
            client.BytesReceived / 1048576.0,
            run.Covered.TotalHours,
            requested.TotalHours,
            slicesLeft,
            client.Throttled);
        return Host.WriteProgressAsync(new RunProgress(_activityId, _activity, _status) { PercentComplete = _percent });
    }

    public Task CompleteAsync() =>
        Host.WriteProgressAsync(new RunProgress(_activityId, _activity, _status) { PercentComplete = _percent, Completed = true });
}
