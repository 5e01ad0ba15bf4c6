using System;
using System.Collections.Generic;
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
/// resolution, then <see cref="SignInFileReading"/> streams each file (progress, one error per bad record).
/// </summary>
public abstract class SignInLogCommandBase : AsyncPSCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";

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

    /// <summary>Reads folders' subfolders too; links to folders are not followed (a warning names each one).</summary>
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
        var files = await ResolveSignInFilesAsync(paths, literal, Recurse, cancellationToken).ConfigureAwait(false);
        await new SignInFileReading(CreateRunHost(), Format, WholeRecordCodes).ReadAsync(files, onSignIn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One piped object: a file or folder (from Get-ChildItem, read like -LiteralPath), a path string (read like -Path), a
    /// SignInEvent, or a Graph SDK / ConvertFrom-Json sign-in; anything else is a non-terminating InvalidSignInObject error.
    /// </summary>
    protected async Task ReadInputObjectAsync(PSObject? input, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        if (input?.BaseObject is string path)
        {
            await ReadSignInsAsync(new[] { path }, literal: false, onSignIn, cancellationToken).ConfigureAwait(false);
            return;
        }

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
            new EntraStrongAuthException(ErrorIds.InvalidSignInObject, FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(input) + ") is not a sign-in: it needs CreatedDateTime and Status.ErrorCode (or ErrorCode).", "Pipe Import-SignInLog output or Graph sign-in objects (Get-MgBetaAuditLogSignIn)."),
            input).ConfigureAwait(false);
    }
}
