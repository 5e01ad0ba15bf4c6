using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Whether users can satisfy an authentication strength with the methods they registered and the tenant enables for
/// them, and the fewest methods to add when they cannot: for named users (the report, or live with -Live), for piped
/// failures (with the strength they failed), or for the whole tenant (-All); from Graph or from saved files (-Path).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MfaEnrollment", DefaultParameterSetName = UserSet)]
[OutputType(typeof(MfaEnrollmentResult), typeof(bool))]
public sealed class TestMfaEnrollmentCommand : AsyncPSCmdlet
{
    private const string UserSet = "User";
    private const string FailureSet = "Failure";
    private const string AllSet = "All";

    private readonly List<object> _pipedStrengths = new();
    private bool _usersQueued;
    private MfaEnrollmentTester? _tester;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("Id", "ObjectId")]
    [ValidateNotNullOrEmpty]
    public string[]? UserId { get; set; }

    /// <summary>A failure from Get-StrongAuthFailure: its user, tested against the strength it failed.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FailureSet)]
    public StrongAuthFailure? Failure { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// A policy piped in (Get-StrongAuthPolicy | Test-MfaEnrollment): its Id would otherwise bind to -UserId by name.
    /// It means "every user in this policy's scope", as -All -Policy does.
    /// </summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = UserSet, DontShow = true)]
    public StrongAuthPolicy? PipedPolicy { get; set; }

    /// <summary>A strength piped in (Get-AuthenticationStrength | Test-MfaEnrollment): every user, as -All does.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = UserSet, DontShow = true)]
    public AuthenticationStrength? PipedStrength { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = FailureSet)]
    [Parameter(ParameterSetName = AllSet, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(AuthenticationStrengthNameCompleter))]
    [ValidateNotNullOrEmpty]
    public object[]? AuthenticationStrength { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(StrongAuthPolicyNameCompleter))]
    [ValidateNotNullOrEmpty]
    public object[]? Policy { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = FailureSet)]
    public SwitchParameter Live { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    [Parameter]
    public SwitchParameter ExcludeGuest { get; set; }

    [Parameter]
    public SwitchParameter IncludeDisabled { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private bool IsAll => ParameterSetName == AllSet;

    protected override async Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        if (Live && Path is not null)
        {
            throw new EntraStrongAuthException(ErrorIds.ParameterConflict, FailureKind.InvalidArgument, "-Live reads the tenant now; -Path reads saved files. Use one.", "Drop -Live to use the files, or -Path to read the tenant.");
        }

        // Without names, -All or piped input there is no one to test: say so rather than output nothing.
        MfaEnrollmentTester.RequireTarget(ParameterSetName != UserSet || UserPrincipalName is not null || UserId is not null || MyInvocation.ExpectingInput);
        var host = CreateRunHost();
        IEnrollmentData data;
        if (Path is { } paths)
        {
            data = (await OpenTenantDataAsync(paths).ConfigureAwait(false)).Data;
        }
        else
        {
            data = new TenantEnrollmentData(RequireConnection(), host);
        }

        var options = new MfaEnrollmentTestOptions
        {
            Live = Live,
            Quiet = Quiet,
            FromFiles = Path is not null,
            Policies = PipelineValues.Unwrap(Policy),
            ExcludeUserPrincipalNames = ExcludeUserPrincipalName,
            ExcludeGuests = ExcludeGuest,
            IncludeDisabled = IncludeDisabled,
        };
        _tester = new MfaEnrollmentTester(data, options, host);
        if (!IsAll)
        {
            // Outside -All nothing else comes from the pipeline into these two, so they are known now.
            await _tester.ChooseStrengthsAsync(PipelineValues.Unwrap(AuthenticationStrength), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (IsAll)
        {
            _pipedStrengths.AddRange(PipelineValues.Unwrap(AuthenticationStrength) ?? Array.Empty<object>());
            return Task.CompletedTask;
        }

        // A piped policy or strength also binds its Id to -UserId by property name: it names no user.
        if (PipedPolicy is not null || PipedStrength is not null)
        {
            _pipedStrengths.Add((object?)PipedPolicy ?? PipedStrength!);
            PipedPolicy = null;
            PipedStrength = null;
            return Task.CompletedTask;
        }

        if (ParameterSetName == FailureSet)
        {
            return Failure is { } failure ? _tester!.AddFailureAsync(failure, cancellationToken) : Task.CompletedTask;
        }

        // A piped object with an Id and no UserPrincipalName binds its text to -UserPrincipalName as well: the id names
        // the user, so that text is dropped. Without an id, a value that is not a user stops the command.
        var names = UserPrincipalName;
        if (MyInvocation.ExpectingInput && UserId is { Length: > 0 } && names is not null)
        {
            names = names.Where(UserNameValues.LooksLikeUserPrincipalName).ToArray();
        }

        // A UPN that is a GUID is taken as an id.
        UserNameValues.Require(names, allowIds: true);

        // An object piped by property name binds both UserId and UserPrincipalName: they name one user.
        _usersQueued = true;
        return _tester!.AddUsersAsync(UserId, names, oneUser: MyInvocation.ExpectingInput, cancellationToken);
    }

    protected override Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (IsAll || (_pipedStrengths.Count > 0 && !_usersQueued))
        {
            // Piped policies or strengths without users: every user (of the policies' scope), as -All.
            return _tester!.TestAllAsync(_pipedStrengths, cancellationToken);
        }

        if (_pipedStrengths.Count > 0)
        {
            throw new EntraStrongAuthException(ErrorIds.ParameterConflict, FailureKind.InvalidArgument, "Users and policies or strengths were piped together; the policies and strengths were not used.", "Pipe users and pass the policy with -Policy (or the strength with -AuthenticationStrength), or pipe only policies to test every user in their scope.");
        }

        return _tester!.CompleteAsync(cancellationToken);
    }
}
