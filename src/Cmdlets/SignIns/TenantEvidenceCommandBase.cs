using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// The file side of the commands that weigh sign-ins against the tenant's configuration (Debug-StrongAuthFailure,
/// Test-StrongAuthReadiness): sign-in logs from -Path, and the saved tenant data (registration, methods, policies,
/// strengths, groups, roles) from -TenantDataPath; without them, the connected tenant. Problems with a path are
/// non-terminating errors; the rest is read.
/// </summary>
public abstract class TenantEvidenceCommandBase : AsyncPSCmdlet
{
    /// <summary>Sign-in log files or folders; without it, the connected tenant is read.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Reads the sign-ins from this Log Analytics workspace (its Workspace ID) instead of Microsoft Graph; not with -Path.</summary>
    [Parameter]
    public Guid? WorkspaceId { get; set; }

    [Parameter]
    public SignInLogFormat Format { get; set; } = SignInLogFormat.Auto;

    /// <summary>Saved tenant data: registration report, users' methods, methods policy, policies, strengths, groups, roles.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? TenantDataPath { get; set; }

    /// <summary>The live reader: -WorkspaceId's workspace, else Graph. Refuses -Path with -WorkspaceId (two sources for one question).</summary>
    protected Engine.Application.Retrieval.ISignInQueryReader LiveSignIns(Engine.Application.IRunHost host, int activityId, string reading, bool callerReportsHiddenConditionalAccess = false) =>
        SignInReader(WorkspaceId, host, activityId, reading, callerReportsHiddenConditionalAccess);

    /// <summary>Stops before anything is read when both -Path and -WorkspaceId name the sign-ins.</summary>
    protected void CheckSignInSource()
    {
        if (Path is not null && WorkspaceId is not null)
        {
            throw new Core.Errors.EntraStrongAuthException(
                Core.Errors.ErrorIds.ParameterConflict,
                Core.Errors.FailureKind.InvalidArgument,
                "-Path and -WorkspaceId both name where the sign-ins are; pass one.",
                "Use -Path for saved exports, or -WorkspaceId to query the Log Analytics workspace.");
        }
    }

    /// <summary>The sign-in files -Path names (empty without -Path); path problems are written as errors.</summary>
    protected async Task<IReadOnlyList<string>> SignInFilesAsync(CancellationToken cancellationToken) =>
        Path is { } paths ? await ResolveSignInFilesAsync(paths, false, Recurse, cancellationToken).ConfigureAwait(false) : Array.Empty<string>();

    /// <summary>The -TenantDataPath files as tenant data; null without -TenantDataPath.</summary>
    protected async Task<IEnrollmentData?> TenantDataFilesAsync() =>
        TenantDataPath is { } paths ? (await OpenTenantDataAsync(paths).ConfigureAwait(false)).Data : null;
}
