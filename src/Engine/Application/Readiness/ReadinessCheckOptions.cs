using System;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>What Test-StrongAuthReadiness was asked, as bound from its parameters.</summary>
public sealed class ReadinessCheckOptions
{
    /// <summary>The sign-ins considered; live, the start defaults to 7 days before the end.</summary>
    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    /// <summary>One summary object instead of one result per user and app.</summary>
    public bool Summary { get; init; }

    /// <summary>$true when nothing breaks, else $false: a rollout gate.</summary>
    public bool Quiet { get; init; }

    /// <summary>How long after a silent interrupt an interactive success of the same user and app counts as the app falling back.</summary>
    public TimeSpan FallbackWindow { get; init; } = TimeSpan.FromHours(1);
}
