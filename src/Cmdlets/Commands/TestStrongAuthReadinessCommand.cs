using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Policies;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Who and what breaks before a Conditional Access policy or authentication strength is enforced: every user and app
/// in its scope that signed in during the window, as Ready, WillPrompt, MustRegister or WillBreak (with why).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "StrongAuthReadiness", DefaultParameterSetName = PolicySet)]
[OutputType(typeof(ReadinessResult), typeof(ReadinessSummary), typeof(bool))]
public sealed class TestStrongAuthReadinessCommand : TenantEvidenceCommandBase
{
    private const string PolicySet = "Policy";
    private const string PlannedSet = "Planned";

    private readonly List<object> _policies = new();

    /// <summary>An existing policy (report-only or enabled): a name or id (wildcards), or a Get-StrongAuthPolicy object.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PolicySet)]
    [ArgumentCompleter(typeof(StrongAuthPolicyNameCompleter))]
    [ValidateNotNull]
    public object[] Policy { get; set; } = Array.Empty<object>();

    /// <summary>A planned policy that will demand this strength (a name, an id or a Get-AuthenticationStrength object).</summary>
    [Parameter(ParameterSetName = PlannedSet)]
    [ArgumentCompleter(typeof(AuthenticationStrengthNameCompleter))]
    [ValidateNotNull]
    public object? AuthenticationStrength { get; set; }

    /// <summary>A planned policy that will demand plain multifactor authentication.</summary>
    [Parameter(ParameterSetName = PlannedSet)]
    public SwitchParameter RequireMfa { get; set; }

    /// <summary>User object ids (or All, GuestsOrExternalUsers); without any -Include* the planned policy covers all users.</summary>
    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? IncludeUser { get; set; }

    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? IncludeGroup { get; set; }

    /// <summary>Directory role template ids.</summary>
    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? IncludeRole { get; set; }

    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? ExcludeUser { get; set; }

    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? ExcludeGroup { get; set; }

    [Parameter(ParameterSetName = PlannedSet)]
    public string[]? ExcludeRole { get; set; }

    [Parameter(ParameterSetName = PlannedSet)]
    public SwitchParameter IncludeGuest { get; set; }

    /// <summary>App ids the planned policy covers; default: all apps.</summary>
    [Parameter(ParameterSetName = PlannedSet)]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string[]? Application { get; set; }

    [Parameter]
    public DateTime? StartTime { get; set; }

    [Parameter]
    public DateTime? EndTime { get; set; }

    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>$true when nothing breaks, else $false: a gate for a rollout script.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        _policies.AddRange(Policy.Select(p => p is PSObject wrapped ? wrapped.BaseObject : p));
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == PlannedSet && AuthenticationStrength is null && !RequireMfa)
        {
            throw new EntraStrongAuthException(ErrorIds.ReadinessPolicyMissing, FailureKind.InvalidArgument, "Describe the planned policy: -AuthenticationStrength or -RequireMfa, or name an existing one with -Policy.", "Test-StrongAuthReadiness -AuthenticationStrength 'Phishing-resistant MFA' -IncludeRole 62e90394-69f5-4237-9190-012177145e10 -Path ./signins");
        }

        var host = CreateRunHost();
        var tenant = await TenantDataFilesAsync().ConfigureAwait(false) ?? (Path is null ? new TenantEnrollmentData(RequireConnection(), host) : null);
        var policies = ParameterSetName == PlannedSet
            ? new[] { (await Planned(tenant, cancellationToken).ConfigureAwait(false)).ToPolicy() }
            : await ReadinessPolicies.ResolveAsync(_policies, tenant, cancellationToken).ConfigureAwait(false);
        var window = ReadinessWindow.Of(StartTime, EndTime, live: Path is null);
        var checks = policies.Select(p => new ReadinessCheck(p, new ReadinessCheckOptions { Start = window.Start, End = window.End, Summary = Summary, Quiet = Quiet }, host)).ToList();
        Task Observe(SignInEvent signIn) => Task.WhenAll(checks.Select(c => c.ObserveAsync(signIn)));
        if (Path is not null)
        {
            await new SignInFileReading(host, Format, null).ReadAsync(await SignInFilesAsync(cancellationToken).ConfigureAwait(false), Observe, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var reader = new LiveSignInReader(RequireConnection(), host, 2, "Reading sign-ins from Microsoft Graph");
            await reader.ReadAsync(new Core.Retrieval.SignInQuery(window.Start!.Value, window.End!.Value), Observe, cancellationToken).ConfigureAwait(false);
        }

        foreach (var check in checks)
        {
            await check.CompleteAsync(tenant, "no tenant data was given (-TenantDataPath)", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PlannedPolicy> Planned(IEnrollmentData? tenant, CancellationToken cancellationToken) => new()
    {
        Strength = AuthenticationStrength is { } strength ? await ReadinessPolicies.StrengthAsync(strength is PSObject wrapped ? wrapped.BaseObject : strength, tenant, cancellationToken).ConfigureAwait(false) : null,
        IncludeUsers = IncludeUser ?? Array.Empty<string>(),
        IncludeGroups = IncludeGroup ?? Array.Empty<string>(),
        IncludeRoles = IncludeRole ?? Array.Empty<string>(),
        ExcludeUsers = ExcludeUser ?? Array.Empty<string>(),
        ExcludeGroups = ExcludeGroup ?? Array.Empty<string>(),
        ExcludeRoles = ExcludeRole ?? Array.Empty<string>(),
        IncludeGuests = IncludeGuest,
        Applications = Application ?? Array.Empty<string>(),
    };
}
