using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Engine.Application.Remediation;

/// <summary>What Test-StrongAuthRemediation was asked, as bound from its parameters (times in UTC).</summary>
public sealed class RemediationCheckOptions
{
    public RemediationCheckOptions(DateTimeOffset fixedAt)
    {
        FixedAt = fixedAt;
    }

    /// <summary>When the fix was made: the line between the before and after windows.</summary>
    public DateTimeOffset FixedAt { get; }

    /// <summary>The before-window's length when <see cref="BeforeStart"/> is not given.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    public DateTimeOffset? BeforeStart { get; init; }

    /// <summary>The after-window's end; null: now.</summary>
    public DateTimeOffset? AfterEnd { get; init; }

    public int MinimumSignIns { get; init; } = 3;

    /// <summary>One $true/$false for all subjects instead of a result per subject.</summary>
    public bool Quiet { get; init; }

    /// <summary>Named users; each is tested per named app when apps are named too.</summary>
    public IReadOnlyList<string>? UserPrincipalNames { get; init; }

    public IReadOnlyList<string>? AppIds { get; init; }

    /// <summary>The workload's service principal (or managed identity) object id, for every subject.</summary>
    public string? ServicePrincipalId { get; init; }
}
