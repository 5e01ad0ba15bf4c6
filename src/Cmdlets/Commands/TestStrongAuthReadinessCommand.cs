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
using EntraStrongAuth.Core.Policies;
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

    private readonly List<object> _pipedPolicies = new();
    private ReadinessChecks? _checks;
    private IEnrollmentData? _tenant;
    private bool _pipedSignIns;

    /// <summary>An existing policy (report-only or enabled): a name or id (wildcards), or a Get-StrongAuthPolicy object.</summary>
    [Parameter(Position = 0, ParameterSetName = PolicySet)]
    [ArgumentCompleter(typeof(StrongAuthPolicyNameCompleter))]
    [ValidateNotNull]
    public object[]? Policy { get; set; }

    /// <summary>Get-StrongAuthPolicy objects or policy names; or sign-ins (Import-SignInLog, Graph SDK objects) when the policy is given by parameter.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

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

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        CheckSignInSource();
        if (ParameterSetName == PlannedSet && AuthenticationStrength is null && !RequireMfa)
        {
            throw new EntraStrongAuthException(ErrorIds.ReadinessPolicyMissing, FailureKind.InvalidArgument, "Describe the planned policy: -AuthenticationStrength or -RequireMfa, or name an existing one with -Policy.", "Test-StrongAuthReadiness -AuthenticationStrength 'Phishing-resistant MFA' -IncludeRole 62e90394-69f5-4237-9190-012177145e10 -Path ./signins");
        }

        // A policy given by parameter is known now, so piped sign-ins can be counted as they come.
        if (ParameterSetName == PlannedSet || Policy is not null)
        {
            await StartChecksAsync(Policy ?? Array.Empty<object>(), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var value = InputObject?.BaseObject;
        if (value is null)
        {
            return;
        }

        if (value is StrongAuthPolicy or string)
        {
            _pipedPolicies.Add(value);
            return;
        }

        if (PSObjectSignInConverter.Convert(InputObject) is not { } signIn)
        {
            await WriteErrorAsync(new EntraStrongAuthException(ErrorIds.InvalidSignInObject, FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(InputObject) + ") is neither a policy nor a sign-in.", "Pipe Get-StrongAuthPolicy objects, or sign-ins with -Policy or a planned policy."), InputObject).ConfigureAwait(false);
            return;
        }

        if (_checks is null)
        {
            throw new EntraStrongAuthException(ErrorIds.ReadinessPolicyMissing, FailureKind.InvalidArgument, "Sign-ins were piped, but no policy was named: give it with -Policy, or describe a planned one with -AuthenticationStrength or -RequireMfa.", "Import-SignInLog ./week.json | Test-StrongAuthReadiness -Policy 'Require MFA for all users' -TenantDataPath ./tenant-auth");
        }

        _pipedSignIns = true;
        await ObserveAsync(signIn).ConfigureAwait(false);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (_checks is null)
        {
            if (_pipedPolicies.Count == 0)
            {
                throw new EntraStrongAuthException(ErrorIds.ReadinessPolicyMissing, FailureKind.InvalidArgument, "No policy to test: name one with -Policy, pipe Get-StrongAuthPolicy, or describe a planned one with -AuthenticationStrength or -RequireMfa.", "Test-StrongAuthReadiness -Policy 'Require MFA for all users', or Test-StrongAuthReadiness -RequireMfa -IncludeGroup <group id>.");
            }

            await StartChecksAsync(_pipedPolicies, cancellationToken).ConfigureAwait(false);
        }
        else if (_pipedPolicies.Count > 0)
        {
            await StartChecksAsync(_pipedPolicies, cancellationToken, add: true).ConfigureAwait(false);
        }

        var host = CreateRunHost();
        if (Path is not null)
        {
            await new SignInFileReading(host, Format, null).ReadAsync(await SignInFilesAsync(cancellationToken).ConfigureAwait(false), ObserveAsync, cancellationToken).ConfigureAwait(false);
        }
        else if (!_pipedSignIns)
        {
            var window = ReadinessWindow.Of(StartTime, EndTime, live: true);
            var reader = LiveSignIns(host, 2, "Reading sign-ins");
            await reader.ReadAsync(new Core.Retrieval.SignInQuery(window.Start!.Value, window.End!.Value), ObserveAsync, cancellationToken).ConfigureAwait(false);
        }

        await _checks!.CompleteAsync(_tenant, "no tenant data was given (-TenantDataPath)", cancellationToken).ConfigureAwait(false);
    }

    private Task ObserveAsync(SignInEvent signIn) => _checks!.ObserveAsync(signIn);

    private async Task StartChecksAsync(IReadOnlyList<object> values, CancellationToken cancellationToken, bool add = false)
    {
        var host = CreateRunHost();

        // The tenant's data: the files, else the connection when there is one or the sign-ins come from it too.
        _tenant ??= await TenantDataFilesAsync().ConfigureAwait(false)
            ?? (CurrentConnection() is { } connection ? new TenantEnrollmentData(connection, host)
            : Path is null && !MyInvocation.ExpectingInput ? new TenantEnrollmentData(RequireConnection(), host) : null);
        var policies = ParameterSetName == PlannedSet && !add
            ? new[] { (await Planned(_tenant, cancellationToken).ConfigureAwait(false)).ToPolicy() }
            : await ReadinessPolicies.ResolveAsync(values.Select(v => v is PSObject wrapped ? wrapped.BaseObject : v).ToList(), _tenant, cancellationToken).ConfigureAwait(false);
        var window = ReadinessWindow.Of(StartTime, EndTime, live: Path is null && !MyInvocation.ExpectingInput);
        _checks ??= new ReadinessChecks(new ReadinessCheckOptions { Start = window.Start, End = window.End, Summary = Summary, Quiet = Quiet }, host);
        _checks.Add(policies);
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
