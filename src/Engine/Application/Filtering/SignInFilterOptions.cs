using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Filtering;

/// <summary>
/// The account, app and time filters the sign-in commands share (-UserPrincipalName, -AppId,
/// -ExcludeUserPrincipalName, -ExcludeGuest, -StartTime, -EndTime), bound once and applied by
/// <see cref="SignInSelection"/> and the services; each command decides only what the times bound.
/// </summary>
public sealed class SignInFilterOptions
{
    /// <summary>Accounts to keep; wildcards, case-insensitive. None: every account.</summary>
    public IReadOnlyList<string>? UserPrincipalNames { get; init; }

    /// <summary>Apps to keep, exact ids, case-insensitive. Null: every app.</summary>
    public IReadOnlyList<string>? AppIds { get; init; }

    /// <summary>Accounts to set aside and count; wildcards, case-insensitive.</summary>
    public IReadOnlyList<string>? ExcludeUserPrincipalNames { get; init; }

    public bool ExcludeGuests { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>
    /// The names Graph can filter on: all of them when none has a wildcard, else none (patterns are matched on what
    /// comes back).
    /// </summary>
    public IReadOnlyList<string> ServerSideUserPrincipalNames =>
        UserPrincipalNames is { } names && !names.Any(NamePattern.ContainsWildcardCharacters) ? names : Array.Empty<string>();

    public SignInSelection ToSelection() => new(UserPrincipalNames, AppIds, ExcludeUserPrincipalNames, ExcludeGuests);
}
