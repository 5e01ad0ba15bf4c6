using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Progress;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// Runs a Graph sign-in retrieval for a command: the connection, progress (records, slices, time covered), verbose
/// lines and warnings, and read problems as non-terminating errors. Shared by every command that reads live.
/// </summary>
public sealed class LiveSignInReader : ISignInQueryReader
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly GraphConnection _connection;
    private readonly IRunHost _host;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _clock = new();
    private RetrievalProgress? _latest;
    private TimeSpan? _lastProgress;
    private RetrievalEvents? _events;

    public LiveSignInReader(GraphConnection connection, IRunHost host, int activityId, string activity)
    {
        _connection = connection;
        _host = host;
        _activityId = activityId;
        _activity = activity;
    }

    public GraphConnection Connection => _connection;

    public bool SupportsUserWindows => false;

    public int MaxNamesPerQuery => NameBatches.Size;

    /// <summary>Paging and retry settings (Get-SignInLog -PageSize); null: the defaults.</summary>
    public RetrievalOptions? Options { get; init; }

    /// <summary>
    /// The caller (Get-StrongAuthFailure's analysis) warns about hidden Conditional Access itself, in its one warning
    /// about missing evidence, so the retrieval does not say it a second time.
    /// </summary>
    public bool CallerReportsHiddenConditionalAccess { get; init; }

    public async Task<RetrievalProgress> ReadAsync(SignInQuery query, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var retriever = new SignInRetriever(_connection, Options);
        Restart();
        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Reading sign-ins from {0:u} to {1:u} ({2}).",
            query.Start,
            query.End,
            string.Join(", ", query.EventTypes))).ConfigureAwait(false);
        var result = await retriever.RunAsync(
            query,
            onSignIn,
            ReportProblemAsync,
            Events(),
            cancellationToken).ConfigureAwait(false);
        await CompleteAsync().ConfigureAwait(false);
        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Read {0:N0} sign-ins in {1:N0} requests ({2} throttled, {3} retried).",
            result.Records,
            result.Requests,
            result.Throttled,
            result.Retries)).ConfigureAwait(false);
        return result;
    }

    /// <summary>Get-SignInLog -OutFile: the pull goes to disk; progress and errors as for a read.</summary>
    public async Task<SignInExportResult> ExportAsync(SignInQuery query, string path, bool resume, bool overwrite, CancellationToken cancellationToken)
    {
        var retriever = new SignInRetriever(_connection, Options);
        Restart();
        await _host.WriteVerboseAsync((resume ? "Resuming the pull into " : "Saving sign-ins to ") + path + ".").ConfigureAwait(false);
        try
        {
            return await SignInNdjsonExport.RunAsync(retriever, query, path, resume, overwrite, ReportProblemAsync, Events(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One set of events for the reader's life (a command run), so a warning said once stays said across reads.</summary>
    private RetrievalEvents Events()
    {
        if (_events is null)
        {
            _events = new RetrievalEvents { Verbose = _host.WriteVerboseAsync, Warning = _host.WriteWarningAsync, Progress = ReportAsync };
            if (CallerReportsHiddenConditionalAccess)
            {
                _events.ClaimConditionalAccessHiddenWarning();
            }
        }

        return _events;
    }

    private Task ReportProblemAsync(SignInReadProblem problem) => _host.WriteErrorAsync(SignInProblemErrors.ToException(problem), problem);

    private void Restart()
    {
        _clock.Restart();
        _latest = null;
        _lastProgress = null;
    }

    // The last report says where the read ended: the latest snapshot, even one too soon after the one before to show.
    private Task CompleteAsync()
    {
        var done = _latest is null ? new RunProgress(_activityId, _activity, "No sign-ins read") : Report(_latest);
        return _host.WriteProgressAsync(new RunProgress(_activityId, _activity, done.Status) { PercentComplete = done.PercentComplete, Completed = true });
    }

    private Task ReportAsync(RetrievalProgress progress)
    {
        _latest = progress;
        var now = _clock.Elapsed;
        if (_lastProgress is { } last && now - last < ProgressInterval)
        {
            return Task.CompletedTask;
        }

        _lastProgress = now;
        return _host.WriteProgressAsync(Report(progress));
    }

    /// <summary>"12,480 sign-ins read (2,310/s) · 3.2 of 7 days · 3 of 8 slices · 45 requests · 2 throttled".</summary>
    private RunProgress Report(RetrievalProgress progress)
    {
        var elapsed = _clock.Elapsed;
        var status = new ProgressLine(elapsed)
            .CountWithRate(progress.Records, "sign-ins read")
            .TimeCovered(progress.Covered, progress.Requested)
            .OfTotal(progress.SlicesDone, progress.SlicesTotal, "slices")
            .Count(progress.Requests, "requests")
            .Count(progress.Throttled, "throttled")
            .ToString();
        return new RunProgress(_activityId, _activity, status)
        {
            PercentComplete = ProgressEstimate.Percent(progress.Covered.Ticks, progress.Requested.Ticks),
            SecondsRemaining = ProgressEstimate.SecondsRemaining(progress.Covered.Ticks, progress.Requested.Ticks, elapsed),
        };
    }
}
