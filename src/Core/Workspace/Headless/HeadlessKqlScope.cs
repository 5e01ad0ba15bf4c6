using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Workspace.Headless;

/// <summary>
/// Which sign-ins headless scoring reads from a workspace: the window (end exclusive), the tables, and the account,
/// app and exclusion filters that can be said exactly in KQL. Wildcard name patterns cannot, and are matched by the
/// caller on the rows that come back (they only ever select or drop whole accounts).
/// </summary>
internal sealed class HeadlessKqlScope
{
    public HeadlessKqlScope(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("The window must end after it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Exact UPNs (case-insensitive); with <see cref="UserIds"/>, an account named by either is read. Empty: every account.</summary>
    public IReadOnlyList<string> UserPrincipalNames { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> UserIds { get; init; } = Array.Empty<string>();

    /// <summary>Client app ids; empty: every app.</summary>
    public IReadOnlyList<string> AppIds { get; init; } = Array.Empty<string>();

    /// <summary>Exact UPNs whose sign-ins are left out.</summary>
    public IReadOnlyList<string> ExcludeUserPrincipalNames { get; init; } = Array.Empty<string>();

    /// <summary>Leaves out guests' sign-ins (userType Guest, or a home tenant other than the resource tenant).</summary>
    public bool ExcludeGuests { get; init; }

    /// <summary>Reads SigninLogs (interactive sign-ins).</summary>
    public bool Interactive { get; init; } = true;

    /// <summary>Reads AADNonInteractiveUserSignInLogs.</summary>
    public bool NonInteractive { get; init; } = true;

    /// <summary>This scope over the tables the workspace has.</summary>
    public HeadlessKqlScope WithTables(bool interactive, bool nonInteractive) => new(Start, End)
    {
        UserPrincipalNames = UserPrincipalNames,
        UserIds = UserIds,
        AppIds = AppIds,
        ExcludeUserPrincipalNames = ExcludeUserPrincipalNames,
        ExcludeGuests = ExcludeGuests,
        Interactive = interactive,
        NonInteractive = nonInteractive,
    };
}

/// <summary>
/// One of <see cref="Count"/> disjoint slices of the accounts (<c>hash(account, Count) == Index</c>), for a result that
/// came back cut at the query API's cap: every account falls in exactly one slice, in both queries alike.
/// </summary>
internal readonly record struct AccountPartition(int Count, int Index)
{
    public static readonly AccountPartition Whole = new(1, 0);
}
