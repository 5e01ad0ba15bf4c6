using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Report;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Application.Report;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.Workspace;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// One self-contained HTML report to send: from the module's results piped in (any mix), or from sign-ins it analyses
/// itself (-SignInPath files, a Log Analytics workspace, or the connected tenant, over the last 7 days live).
/// </summary>
[Cmdlet(VerbsData.Export, "StrongAuthReport", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportStrongAuthReportCommand : AsyncPSCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string SignInPathSet = "SignInPath";
    private const string LiveSet = "Live";
    private const string WorkspaceSet = "Workspace";

    private StrongAuthReport? _report;
    private ReportAnalysis? _analysis;
    private string? _path;

    /// <summary>The HTML file to write; tables cut to -Top rows get a CSV beside it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Results of the module's commands, in any mix.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Sign-in log files or folders to analyse (failures with benign interrupts, and headless accounts).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SignInPathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] SignInPath { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = SignInPathSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>With -SignInPath: saved registration details (and methods policy, strengths) for the enrollment gaps.</summary>
    [Parameter(ParameterSetName = SignInPathSet)]
    [ValidateNotNullOrEmpty]
    public string[]? TenantDataPath { get; set; }

    /// <summary>Reads the sign-ins from this Log Analytics workspace (its Workspace ID) instead of Microsoft Graph.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WorkspaceSet)]
    public Guid WorkspaceId { get; set; }

    [Parameter(ParameterSetName = SignInPathSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = WorkspaceSet)]
    public DateTime? StartTime { get; set; }

    [Parameter(ParameterSetName = SignInPathSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = WorkspaceSet)]
    public DateTime? EndTime { get; set; }

    /// <summary>Accounts set aside and counted (wildcards, case-insensitive), e.g. break-glass accounts.</summary>
    [Parameter(ParameterSetName = SignInPathSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = WorkspaceSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    /// <summary>Sets aside guests and counts them.</summary>
    [Parameter(ParameterSetName = SignInPathSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = WorkspaceSet)]
    public SwitchParameter ExcludeGuest { get; set; }

    /// <summary>User automation-apps / scripting-user-agents / cause-rules JSON files (or folders of them) combined with the built-in tables.</summary>
    [Parameter(ParameterSetName = SignInPathSet)]
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = WorkspaceSet)]
    [ValidateNotNullOrEmpty]
    public string[]? ClassificationDataPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "Strong authentication report";

    /// <summary>Rows per table on the page; the rest go to a CSV beside it.</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int Top { get; set; } = 50;

    /// <summary>Opens the report in the default browser once written.</summary>
    [Parameter]
    public SwitchParameter Open { get; set; }

    /// <summary>Replaces an existing report.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        var path = await InvokeOnPipelineAsync(() => ReportTarget.Resolve(this, Path, Force)).ConfigureAwait(false);
        if (!await InvokeOnPipelineAsync(() => ShouldProcess(path, Force && File.Exists(path) ? "Replace the strong-authentication report" : "Write a strong-authentication report")).ConfigureAwait(false))
        {
            return;
        }

        _path = path;
        var (start, end) = Window();
        _report = new StrongAuthReport(new StrongAuthReportOptions
        {
            Path = path,
            Title = Title,
            Top = Top,
            ModuleVersion = MyInvocation.MyCommand.Module?.Version?.ToString() ?? typeof(ExportStrongAuthReportCommand).Assembly.GetName().Version?.ToString() ?? "unknown",
            Start = start,
            End = end,
        });
        if (ParameterSetName != InputObjectSet)
        {
            var filter = new SignInFilterOptions { Start = start, End = end, ExcludeUserPrincipalNames = ExcludeUserPrincipalName, ExcludeGuests = ExcludeGuest };
            _analysis = new ReportAnalysis(_report, filter, await ClassifierAsync(ClassificationDataPath).ConfigureAwait(false), CreateRunHost());
        }
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (_report is null || ParameterSetName != InputObjectSet)
        {
            return;
        }

        // "$failures, $headless | Export-StrongAuthReport" pipes two arrays: their items are the results.
        var values = InputObject?.BaseObject is System.Collections.IEnumerable items and not string
            ? items.Cast<object?>().Select(item => item is PSObject wrapped ? wrapped : item is null ? null : new PSObject(item))
            : new[] { InputObject };
        foreach (var value in values)
        {
            if (!_report.Add(value?.BaseObject))
            {
                await WriteErrorAsync(
                    new EntraStrongAuthException(ErrorIds.InvalidReportInput, FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(value) + ") is not a result the report shows; it was skipped.", "Pipe the results of Get-StrongAuthFailure, Find-HeadlessUserSignIn, Test-MfaEnrollment, Test-StrongAuthReadiness, Test-StrongAuthRemediation, Debug-StrongAuthFailure or Get-StrongAuthPolicy, or pass sign-in files with -SignInPath."),
                    value).ConfigureAwait(false);
            }
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (_report is null || _path is null)
        {
            return;
        }

        using (_report)
        {
            if (_analysis is not null)
            {
                await AnalyseAsync(_analysis, cancellationToken).ConfigureAwait(false);
            }

            if (ParameterSetName == InputObjectSet && _report.Results == 0)
            {
                await WriteWarningAsync("No result of the module was piped, so the report is empty. Pipe Get-StrongAuthFailure -IncludeBenign (and the other commands' results), or pass sign-in files with -SignInPath.").ConfigureAwait(false);
            }

            IReadOnlyList<string> files;
            try
            {
                files = _report.Write();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new EntraStrongAuthException(ErrorIds.ReportWriteFailed, error is UnauthorizedAccessException ? FailureKind.PermissionDenied : FailureKind.ResourceUnavailable, "The report could not be written to '" + _path + "': " + error.Message, "Check that the folder is writable and the file is not open in another program, then run the command again.");
            }

            foreach (var file in files)
            {
                await WriteObjectAsync(new FileInfo(file)).ConfigureAwait(false);
            }

            if (Open && ReportOpener.Open(_path) is { } warning)
            {
                await WriteWarningAsync(warning).ConfigureAwait(false);
            }
        }
    }

    private async Task AnalyseAsync(ReportAnalysis analysis, CancellationToken cancellationToken)
    {
        var host = CreateRunHost();
        if (ParameterSetName == SignInPathSet)
        {
            // What could not be read (a missing file, a link not followed) is on the page too.
            var files = await ResolveSignInFilesAsync(SignInPath, false, Recurse, cancellationToken, _report!.AddNote).ConfigureAwait(false);
            foreach (var file in files)
            {
                _report!.AddSource("Sign-in file " + System.IO.Path.GetFileName(file) + " (" + new FileInfo(file).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes)");
            }

            await new SignInFileReading(host, SignInLogFormat.Auto, wholeRecordCodes: null).ReadAsync(files, analysis.ObserveAsync, cancellationToken).ConfigureAwait(false);
            await analysis.CompleteAsync(await TenantDataAsync().ConfigureAwait(false), fromFiles: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = RequireConnection().Context;
        var tenant = "tenant " + (context.TenantDisplayName ?? context.TenantId ?? "(unknown)") + " as " + (context.Account ?? context.ClientId ?? "(unknown account)");
        var failures = SignInReader(ParameterSetName == WorkspaceSet ? WorkspaceId : null, host, 1, "Reading strong-authentication failures", callerReportsHiddenConditionalAccess: true);
        if (ParameterSetName == WorkspaceSet)
        {
            _report!.AddSource("Log Analytics workspace " + WorkspaceId.ToString("D") + " (sign-ins), " + tenant + " (registration details)");
            await analysis.ReadWorkspaceAsync(failures, () => new WorkspaceHeadlessSource(LogAnalyticsQueryClient.For(RequireConnection(), WorkspaceId), host, WorkspaceId.ToString("D")), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _report!.AddSource("Microsoft Graph, " + tenant);
            await analysis.ReadLiveAsync(failures, () => new LiveHeadlessSource(activity => SignInReader(null, host, 2, activity), host), cancellationToken).ConfigureAwait(false);
        }

        await analysis.CompleteAsync(new TenantEnrollmentData(RequireConnection(), host), fromFiles: false, cancellationToken).ConfigureAwait(false);
    }

    // -TenantDataPath as registration data for the enrollment gaps; without it the report says how to add them.
    private async Task<IEnrollmentData?> TenantDataAsync()
    {
        if (TenantDataPath is not { } paths)
        {
            _report!.AddNote("Enrollment gaps were not assessed: pass -TenantDataPath with the saved registration details (or pipe Test-MfaEnrollment results).");
            return null;
        }

        var (data, files) = await OpenTenantDataAsync(paths, _report!.AddNote).ConfigureAwait(false);
        _report.AddSource("Saved tenant data: " + string.Join(", ", files.Select(System.IO.Path.GetFileName)));
        return data;
    }

    // Live, the report covers the last 7 days unless told otherwise; files are read whole unless a window is given.
    private (DateTimeOffset? Start, DateTimeOffset? End) Window()
    {
        DateTimeOffset? start = StartTime is { } s ? PSObjectReader.ToUtc(s) : null;
        DateTimeOffset? end = EndTime is { } e ? PSObjectReader.ToUtc(e) : null;
        if (ParameterSetName is LiveSet or WorkspaceSet)
        {
            end ??= DateTimeOffset.UtcNow;
            start ??= end.Value.AddDays(-7);
        }

        return (start, end);
    }
}
