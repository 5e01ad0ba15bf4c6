using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Filtering;

/// <summary>
/// The account and app filters the sign-in commands share: -UserPrincipalName (wildcards, case-insensitive),
/// -AppId (exact, case-insensitive) and the exclusions, applied to every sign-in as it is read.
/// </summary>
public sealed class SignInSelection
{
    private readonly UserNamePatterns _users;
    private readonly HashSet<string>? _apps;

    public SignInSelection(IEnumerable<string>? userPrincipalNames, IEnumerable<string>? appIds, IEnumerable<string>? excludeUserPrincipalNames, bool excludeGuests)
    {
        _users = new UserNamePatterns(userPrincipalNames);
        _apps = appIds is null ? null : new HashSet<string>(appIds, StringComparer.OrdinalIgnoreCase);
        Exclusions = new SignInExclusions(excludeUserPrincipalNames, excludeGuests);
    }

    /// <summary>What was set aside, for -Verbose and summaries.</summary>
    public SignInExclusions Exclusions { get; }

    /// <summary>The account is named (or no names were given) and not excluded; nothing is counted.</summary>
    public bool WantsAccount(SignInEvent signIn) => NamesAccount(signIn) && !Exclusions.Covers(signIn);

    /// <summary>The sign-in passes every filter; an excluded one is counted in <see cref="Exclusions"/>.</summary>
    public bool Selects(SignInEvent signIn) =>
        NamesAccount(signIn)
        && (_apps is null || _apps.Contains(signIn.AppId ?? string.Empty))
        && !Exclusions.Excludes(signIn);

    private bool NamesAccount(SignInEvent signIn) =>
        _users.IsEmpty || _users.Matches(signIn.UserPrincipalName);
}
