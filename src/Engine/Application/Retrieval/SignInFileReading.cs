using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// Streams resolved sign-in log files through the Engine's readers for any command: each sign-in handed on, each bad
/// record a non-terminating error with its stable id, each reader warning a warning, progress at most twice a second (a ZIP entry named as
/// archive.zip!entry.json), and a -Verbose line per file. A file reached through two paths (links) is read once.
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

        var status = "Starting";
        var percent = -1;

        // The same file reached twice (a link to it, a path through a linked folder) is read once.
        var realPaths = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < files.Count; index++)
        {
            if (!realPaths.Add(FileSystemFacts.RealPath(files[index])))
            {
                await _host.WriteVerboseAsync("Skipped " + files[index] + ": the same file was read already, through another path.").ConfigureAwait(false);
                continue;
            }

            (status, percent) = await ReadFileAsync(files[index], index, files.Count, (status, percent), onSignIn, cancellationToken).ConfigureAwait(false);
        }

        if (files.Count > 0)
        {
            await _host.WriteProgressAsync(new RunProgress(1, Activity, status) { PercentComplete = percent, Completed = true }).ConfigureAwait(false);
        }
    }

    private async Task<(string Status, int Percent)> ReadFileAsync(string file, int index, int count, (string Status, int Percent) last, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        await _host.WriteVerboseAsync("Reading " + file + (_format == SignInLogFormat.Auto ? string.Empty : " as " + _format) + ".").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long records = 0;

        // Inside a ZIP archive progress names the entry being read: archive.zip!entry.json.
        var shown = Path.GetFileName(file);
        void OnEntry(string entry) => shown = Path.GetFileName(file) + entry.Substring(file.Length);
        foreach (var item in SignInLogReader.ReadFile(file, _format, OnEntry, _wholeRecordCodes, cancellationToken))
        {
            if (item.SignIn is { } signIn)
            {
                records++;
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

            if (clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                last = (string.Format(CultureInfo.InvariantCulture, "File {0} of {1}: {2} — {3:N0} sign-ins", index + 1, count, shown, records), (int)(100L * index / count));
                await _host.WriteProgressAsync(new RunProgress(1, Activity, last.Status) { PercentComplete = last.Percent }).ConfigureAwait(false);
            }
        }

        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Read {0:N0} sign-ins from {1} in {2:N1} s.", records, file, clock.Elapsed.TotalSeconds)).ConfigureAwait(false);
        return last;
    }
}
