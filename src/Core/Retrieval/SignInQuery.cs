using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>What Get-SignInLog asks Graph for. Everything here that Graph can filter is pushed to the server.</summary>
public sealed class SignInQuery
{
    public SignInQuery(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException("The end of the time range must be after its start.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset End { get; }

    public IReadOnlyList<string> UserPrincipalNames { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> UserIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> AppIds { get; init; } = Array.Empty<string>();

    /// <summary>Service principal object ids: the workload identities of servicePrincipal / managedIdentity sign-ins.</summary>
    public IReadOnlyList<string> ServicePrincipalIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<int> ErrorCodes { get; init; } = Array.Empty<int>();

    /// <summary>Sign-in ids (the request id, an error message's Trace ID).</summary>
    public IReadOnlyList<string> SignInIds { get; init; } = Array.Empty<string>();

    /// <summary>Correlation ids: every sign-in of those flows.</summary>
    public IReadOnlyList<string> CorrelationIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<SignInEventType> EventTypes { get; init; } = new[] { SignInEventType.Interactive, SignInEventType.NonInteractive };

    /// <summary>An extra raw OData clause, and-ed with the rest (in parentheses).</summary>
    public string? RawFilter { get; init; }

    /// <summary>
    /// Only these users, each only in its own range (or-ed, and-ed with the rest): a source must say it can filter
    /// so (<c>ISignInQueryReader.SupportsUserWindows</c>); Graph cannot, and refuses a query that sets it.
    /// </summary>
    public IReadOnlyList<UserWindow> UserWindows { get; init; } = Array.Empty<UserWindow>();

    /// <summary>
    /// Only the fields outcome linking reads are needed (a failure's later successes): a workspace returns just those
    /// columns. Graph has no column choice for sign-ins and returns whole records either way.
    /// </summary>
    public bool LinkFieldsOnly { get; init; }

    /// <summary>Stop after this many records (0: no limit).</summary>
    public long First { get; init; }
}
