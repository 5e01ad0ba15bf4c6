using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// Streams resolved sign-in log files through the Engine's readers for any command: each sign-in handed on, each bad
/// record a non-terminating error with its stable id, each reader warning a warning, progress at most twice a second
/// and after each file (totals, rate, failures, bytes of the total size: <see cref="FileReadProgress"/>; a ZIP entry
/// named as archive.zip!entry.json), and a -Verbose line per file. A file reached through two paths (links) is read once.
/// </summary>
public sealed class SignInFileReading
{
    private const string Activity = "Reading sign-in logs";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    private readonly IRunHost _host;
    private readonly SignInLogFormat _format;
    private readonly IEnumerable<int>? _wholeRecordCodes;

    /// <param name="host">Where sign-in problems, progress and -Verbose lines go.</param>
    /// <param name="format">Auto: detected from each file's content.</param>
    /// <param name="wholeRecordCodes">The error codes of the records needed whole; null: every record.</param>
    public SignInFileReading(IRunHost host, SignInLogFormat format, IEnumerable<int>? wholeRecordCodes)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _format = format;
        _wholeRecordCodes = wholeRecordCodes;
    }

    public async Task ReadAsync(IReadOnlyList<string> files, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        var progress = new FileReadProgress(files);

        // The same file reached twice (a link to it, a path through a linked folder) is read once.
        var realPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < files.Count; index++)
        {
            progress.Starting(files[index], index);
            if (!realPaths.Add(FileSystemFacts.RealPath(files[index])))
            {
                await _host.WriteVerboseAsync("Skipped " + files[index] + ": the same file was read already, through another path.").ConfigureAwait(false);
                progress.FileDone();
                continue;
            }

            await ReadFileAsync(files[index], progress, onSignIn, cancellationToken).ConfigureAwait(false);
        }

        if (files.Count > 0)
        {
            // The last report holds the totals of the whole read.
            await _host.WriteProgressAsync(progress.Report(1, Activity, completed: true)).ConfigureAwait(false);
        }
    }

    private async Task ReadFileAsync(string file, FileReadProgress progress, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        await _host.WriteVerboseAsync("Reading " + file + (_format == SignInLogFormat.Auto ? string.Empty : " as " + _format) + ".").ConfigureAwait(false);
        var started = progress.Elapsed;
        var before = progress.SignIns;
        var lastReport = TimeSpan.Zero;
        void OnEntry(string entry) => progress.Entry(file, entry);
        foreach (var item in SignInLogReader.ReadFile(file, _format, OnEntry, _wholeRecordCodes, progress.Opened, cancellationToken))
        {
            if (item.SignIn is { } signIn)
            {
                progress.Read(signIn.ErrorCode);
                await onSignIn(signIn).ConfigureAwait(false);
            }
            else if (item.Problem is { } problem)
            {
                await _host.WriteErrorAsync(SignInProblemErrors.ToException(problem), problem).ConfigureAwait(false);
            }
            else if (item.Warning is { } warning)
            {
                await _host.WriteWarningAsync(warning).ConfigureAwait(false);
            }

            if (progress.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = progress.Elapsed;
                await _host.WriteProgressAsync(progress.Report(1, Activity, completed: false)).ConfigureAwait(false);
            }
        }

        // Each file ends with a report of where the read stands, so even a file read in a blink shows its totals.
        await _host.WriteProgressAsync(progress.Report(1, Activity, completed: false)).ConfigureAwait(false);
        progress.FileDone();
        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Read {0:N0} sign-ins from {1} in {2:N1} s.", progress.SignIns - before, file, (progress.Elapsed - started).TotalSeconds)).ConfigureAwait(false);
    }
}
