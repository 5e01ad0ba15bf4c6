using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// The account, app and time filters of the commands that analyse sign-ins (Get-StrongAuthFailure,
/// Find-HeadlessUserSignIn), declared once so their validation, wildcard support and completion cannot drift, and
/// bound into the Engine's <see cref="SignInFilterOptions"/>.
/// </summary>
public abstract class SignInFilterCommandBase : SignInLogCommandBase
{
    /// <summary>
    /// As the base's -Path, but not bound by value from the pipeline: these commands also take sign-ins by value
    /// (-InputObject), and a piped string matched both, which PowerShell cannot resolve (AmbiguousParameterSet).
    /// Piped strings reach -InputObject and are read as -Path values there.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public override string[] Path { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public DateTime? StartTime { get; set; }

    [Parameter]
    public DateTime? EndTime { get; set; }

    /// <summary>Accounts to keep; wildcards, case-insensitive.</summary>
    [Parameter]
    [SupportsWildcards]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    /// <summary>Client apps to keep, by exact id.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AppId { get; set; }

    /// <summary>Accounts set aside and counted (wildcards, case-insensitive), e.g. break-glass accounts.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeUserPrincipalName { get; set; }

    /// <summary>Sets aside guests (userType Guest, or a home tenant other than the resource tenant) and counts them.</summary>
    [Parameter]
    public SwitchParameter ExcludeGuest { get; set; }

    /// <summary>
    /// The filters as bound, times in UTC; what the times bound is each command's business. <paramref name="moreAccounts"/>
    /// (patterns) are kept besides -UserPrincipalName: accounts that piped objects name.
    /// </summary>
    protected SignInFilterOptions FilterOptions(IReadOnlyCollection<string>? moreAccounts = null) => new()
    {
        UserPrincipalNames = moreAccounts is { Count: > 0 } ? (UserPrincipalName ?? Array.Empty<string>()).Concat(moreAccounts).ToArray() : UserPrincipalName,
        AppIds = AppId,
        ExcludeUserPrincipalNames = ExcludeUserPrincipalName,
        ExcludeGuests = ExcludeGuest,
        Start = StartTime is { } start ? PSObjectReader.ToUtc(start) : null,
        End = EndTime is { } end ? PSObjectReader.ToUtc(end) : null,
    };
}
