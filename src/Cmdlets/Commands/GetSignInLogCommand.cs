using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Reads sign-ins from Microsoft Graph (beta signIns) as normalized SignInEvent objects, with every filter Graph
/// supports pushed to the server, under the connection's request limit, resuming and de-duplicating on failures.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SignInLog", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true)]
[OutputType(typeof(SignInEvent), ParameterSetName = new[] { PipelineSet })]
[OutputType(typeof(SignInExportResult), ParameterSetName = new[] { OutFileSet })]
public sealed class GetSignInLogCommand : Infrastructure.AsyncPSCmdlet
{
    private const string PipelineSet = "Pipeline";
    private const string OutFileSet = "OutFile";

    private readonly List<string> _pipedNames = new();

    /// <summary>Default: 24 hours before -EndTime.</summary>
    [Parameter]
    public DateTime? StartTime { get; set; }

    /// <summary>Default: now.</summary>
    [Parameter]
    public DateTime? EndTime { get; set; }

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UPN", "UserPrincipalNames")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AppId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AadstsCodeCompleter))]
    public int[]? ErrorCode { get; set; }

    /// <summary>Default: Interactive and NonInteractive (Graph alone returns only interactive ones).</summary>
    [Parameter]
    public SignInEventType[]? EventType { get; set; }

    /// <summary>An extra OData clause, and-ed with the rest.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>Stop after this many sign-ins (-Top, as Graph PowerShell names it).</summary>
    [Parameter]
    [Alias("Top")]
    [ValidateRange(1, long.MaxValue)]
    public long First { get; set; }

    /// <summary>Every page (the default already): accepted for Graph PowerShell habits; not with -First.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Sign-ins per Graph page ($top), 1 to 1000; smaller pages cost more requests under the same throttle.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Write raw Graph signIn objects as NDJSON here instead of to the pipeline; resumable.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OutFileSet)]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>Continue the interrupted pull into -OutFile with its saved query.</summary>
    [Parameter(ParameterSetName = OutFileSet)]
    public SwitchParameter Resume { get; set; }

    /// <summary>Replace an existing -OutFile.</summary>
    [Parameter(ParameterSetName = OutFileSet)]
    public SwitchParameter Force { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (UserPrincipalName is { } names)
        {
            UserNameValues.Require(names, allowIds: false);
            _pipedNames.AddRange(names);
        }

        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (All && First > 0)
        {
            throw new EntraStrongAuthException(
                ErrorIds.ParameterConflict,
                FailureKind.InvalidArgument,
                "-All asks for every sign-in and -First (-Top) for the first " + First + "; pass one.",
                "Leave out -All (every page is read by default), or leave out -First.");
        }

        var options = new SignInPullOptions
        {
            Start = StartTime is { } start ? PSObjectReader.ToUtc(start) : null,
            End = EndTime is { } end ? PSObjectReader.ToUtc(end) : null,
            UserPrincipalNames = _pipedNames,
            AppIds = AppId,
            ErrorCodes = ErrorCode,
            EventTypes = EventType,
            RawFilter = Filter,
            First = First,
        };
        var host = CreateRunHost();
        var pull = new SignInPull(options, host, DateTimeOffset.UtcNow);
        if (OutFile is not null)
        {
            var path = await InvokeOnPipelineAsync(() => SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile)).ConfigureAwait(false);

            // -WhatIf / -Confirm: nothing is read from Graph unless the file may be written.
            var action = Resume ? "Resume the sign-in pull into the file" : Force ? "Replace the file with a sign-in pull" : "Save a sign-in pull to the file";
            if (!await InvokeOnPipelineAsync(() => ShouldProcess(path, action)).ConfigureAwait(false))
            {
                return;
            }

            await pull.ExportAsync(new LiveSignInReader(RequireConnection(), host, 1, "Saving sign-ins from Microsoft Graph") { Options = Paging() }, path, Resume, Force, cancellationToken).ConfigureAwait(false);
            return;
        }

        await pull.ReadAsync(new LiveSignInReader(RequireConnection(), host, 1, "Reading sign-ins from Microsoft Graph") { Options = Paging() }, cancellationToken).ConfigureAwait(false);
    }

    private Engine.Retrieval.RetrievalOptions? Paging() => PageSize == 1000 ? null : new Engine.Retrieval.RetrievalOptions { PageSize = PageSize };
}
