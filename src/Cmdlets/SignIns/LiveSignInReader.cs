using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Runs a Graph sign-in retrieval for a cmdlet: the connection, progress (records, slices, time covered), verbose
/// lines and warnings, and read problems as non-terminating errors. Shared by every command that reads live.
/// </summary>
internal sealed class LiveSignInReader
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly CmdletWriters _writers;
    private readonly ProgressRecord _activity;
    private DateTime _lastProgress = DateTime.MinValue;

    public LiveSignInReader(CmdletWriters writers, int activityId, string activity)
    {
        _writers = writers;
        _activity = new ProgressRecord(activityId, activity, "Connecting");
    }

    public async Task<RetrievalProgress> ReadAsync(SignInQuery query, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var retriever = new SignInRetriever(ConnectionStore.Require());
        await _writers.Verbose(string.Format(
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
        await _writers.Verbose(string.Format(
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
        var retriever = new SignInRetriever(ConnectionStore.Require());
        await _writers.Verbose((resume ? "Resuming the pull into " : "Saving sign-ins to ") + path + ".").ConfigureAwait(false);
        try
        {
            return await SignInNdjsonExport.RunAsync(retriever, query, path, resume, overwrite, ReportProblemAsync, Events(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CompleteAsync().ConfigureAwait(false);
        }
    }

    private RetrievalEvents Events() => new()
    {
        Verbose = _writers.Verbose,
        Warning = _writers.Warning,
        Progress = ReportAsync,
    };

    private Task ReportProblemAsync(SignInReadProblem problem) => _writers.Error(SignInProblemErrors.ToException(problem), problem);

    private Task CompleteAsync()
    {
        _activity.RecordType = ProgressRecordType.Completed;
        return _writers.Progress(_activity);
    }

    private Task ReportAsync(RetrievalProgress progress)
    {
        var now = DateTime.UtcNow;
        if (now - _lastProgress < ProgressInterval)
        {
            return Task.CompletedTask;
        }

        _lastProgress = now;
        _activity.StatusDescription = string.Format(
            CultureInfo.InvariantCulture,
            "{0:N0} sign-ins; slices {1}/{2}; {3:N1} of {4:N1} h covered; {5:N0} requests, {6} throttled",
            progress.Records,
            progress.SlicesDone,
            progress.SlicesTotal,
            progress.Covered.TotalHours,
            progress.Requested.TotalHours,
            progress.Requests,
            progress.Throttled);
        _activity.PercentComplete = (int)progress.PercentComplete;
        return _writers.Progress(_activity);
    }
}
