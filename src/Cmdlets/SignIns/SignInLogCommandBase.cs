using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// The file side shared by every command that reads sign-in logs: -Path/-LiteralPath/-Format/-Recurse, path
/// resolution, streaming each file through the Engine's readers, progress, and one ErrorRecord per bad record.
/// </summary>
public abstract class SignInLogCommandBase : AsyncPSCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public virtual string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Forces a format instead of detecting it from each file's content.</summary>
    [Parameter]
    public SignInLogFormat Format { get; set; } = SignInLogFormat.Auto;

    /// <summary>Reads folders' subfolders too.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>
    /// The error codes of the records a command needs whole; null (the default): every record. Others are read with
    /// only the fields that order and link them (see SignInLogReader.ReadFile).
    /// </summary>
    protected virtual IEnumerable<int>? WholeRecordCodes => null;

    /// <summary>Reads every file named by -Path/-LiteralPath and hands each sign-in to <paramref name="onSignIn"/>.</summary>
    protected Task ReadSignInsAsync(Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var literal = ParameterSetName == LiteralPathSet;
        return ReadSignInsAsync(literal ? LiteralPath : Path, literal, onSignIn, cancellationToken);
    }

    /// <summary>Reads the given paths (e.g. files piped in as FileInfo objects).</summary>
    protected async Task ReadSignInsAsync(string[] paths, bool literal, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var (files, problems) = await InvokeOnPipelineAsync(() => SignInPathResolver.Resolve(this, paths, literal, Recurse)).ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await WriteErrorAsync(problem, null).ConfigureAwait(false);
        }

        var activity = new ProgressRecord(1, "Reading sign-in logs", "Starting");
        for (var index = 0; index < files.Count; index++)
        {
            await ReadFileAsync(files[index], index, files.Count, activity, onSignIn, cancellationToken).ConfigureAwait(false);
        }

        if (files.Count > 0)
        {
            activity.RecordType = ProgressRecordType.Completed;
            await WriteProgressAsync(activity).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One piped object: a file or folder (from Get-ChildItem, read like -LiteralPath), a SignInEvent, or a Graph SDK /
    /// ConvertFrom-Json sign-in; anything else is a non-terminating InvalidSignInObject error.
    /// </summary>
    protected async Task ReadInputObjectAsync(PSObject? input, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        if (input?.BaseObject is FileSystemInfo item)
        {
            await ReadSignInsAsync(new[] { item.FullName }, literal: true, onSignIn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (PSObjectSignInConverter.Convert(input) is { } signIn)
        {
            await onSignIn(signIn).ConfigureAwait(false);
            return;
        }

        await WriteErrorAsync(
            new EntraStrongAuthException("InvalidSignInObject", FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(input) + ") is not a sign-in: it needs CreatedDateTime and Status.ErrorCode (or ErrorCode).", "Pipe Import-SignInLog output or Graph sign-in objects (Get-MgBetaAuditLogSignIn)."),
            input).ConfigureAwait(false);
    }

    private async Task ReadFileAsync(string file, int index, int count, ProgressRecord activity, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        await WriteVerboseAsync("Reading " + file + (Format == SignInLogFormat.Auto ? string.Empty : " as " + Format) + ".").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long records = 0;

        // Inside a ZIP archive progress names the entry being read: archive.zip!entry.json.
        var shown = System.IO.Path.GetFileName(file);
        void OnEntry(string entry) => shown = System.IO.Path.GetFileName(file) + entry.Substring(file.Length);
        foreach (var item in SignInLogReader.ReadFile(file, Format, OnEntry, WholeRecordCodes, cancellationToken))
        {
            if (item.SignIn is { } signIn)
            {
                records++;
                await onSignIn(signIn).ConfigureAwait(false);
            }
            else if (item.Problem is { } problem)
            {
                await WriteErrorAsync(SignInProblemErrors.ToException(problem), problem).ConfigureAwait(false);
            }

            if (clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                activity.StatusDescription = string.Format(CultureInfo.InvariantCulture, "File {0} of {1}: {2} — {3:N0} sign-ins", index + 1, count, shown, records);
                activity.PercentComplete = (int)(100L * index / count);
                await WriteProgressAsync(activity).ConfigureAwait(false);
            }
        }

        await WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Read {0:N0} sign-ins from {1} in {2:N1} s.", records, file, clock.Elapsed.TotalSeconds)).ConfigureAwait(false);
    }
}
