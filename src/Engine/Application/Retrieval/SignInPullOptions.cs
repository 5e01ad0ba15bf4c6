using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>What Get-SignInLog was asked, as bound from its parameters (times in UTC).</summary>
public sealed class SignInPullOptions
{
    /// <summary>Null: 24 hours before <see cref="End"/>.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Null: now.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Exact names (given or piped; duplicates are read once). None: every account.</summary>
    public IReadOnlyList<string> UserPrincipalNames { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string>? AppIds { get; init; }

    public IReadOnlyList<int>? ErrorCodes { get; init; }

    /// <summary>Null or empty: interactive and non-interactive sign-ins.</summary>
    public IReadOnlyList<SignInEventType>? EventTypes { get; init; }

    /// <summary>An OData filter added to the query as it is.</summary>
    public string? RawFilter { get; init; }

    /// <summary>At most this many sign-ins; 0: all.</summary>
    public long First { get; init; }
}
