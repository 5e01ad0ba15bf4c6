using System;
using System.Diagnostics;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Progress;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Application;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// Write-Progress for a workspace read, at most four times a second: sign-ins read with their rate, the share of the
/// range read (which gives the percentage and the seconds left), queries, bytes received, slices left and throttling.
/// </summary>
internal sealed class WorkspaceProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;
    private RunProgress? _latest;

    public WorkspaceProgress(IRunHost host, int activityId, string activity)
    {
        Host = host;
        _activityId = activityId;
        _activity = activity;
    }

    public IRunHost Host { get; }

    public Task ReportAsync(WorkspaceRun run, LogAnalyticsQueryClient client, SignInQuery query, int slicesLeft)
    {
        var elapsed = _clock.Elapsed;
        var requested = query.End - query.Start;
        var status = new ProgressLine(elapsed)
            .CountWithRate(run.Records, "sign-ins read")
            .TimeCovered(run.Covered, requested)
            .Count(client.Queries, "queries")
            .Bytes(client.BytesReceived)
            .Count(slicesLeft, "slices left")
            .Count(client.Throttled, "throttled")
            .ToString();
        _latest = new RunProgress(_activityId, _activity, status)
        {
            PercentComplete = ProgressEstimate.Percent(run.Covered.Ticks, requested.Ticks),
            SecondsRemaining = ProgressEstimate.SecondsRemaining(run.Covered.Ticks, requested.Ticks, elapsed),
        };
        if (_last is { } last && elapsed - last < Interval)
        {
            return Task.CompletedTask;
        }

        _last = elapsed;
        return Host.WriteProgressAsync(_latest);
    }

    /// <summary>The last report holds where the read ended, even when it came too soon after the one before to show.</summary>
    public Task CompleteAsync() =>
        Host.WriteProgressAsync(new RunProgress(_activityId, _activity, _latest?.Status ?? "Querying the workspace")
        {
            PercentComplete = _latest?.PercentComplete ?? -1,
            Completed = true,
        });
}
