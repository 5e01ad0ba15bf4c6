using System;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>What Debug-StrongAuthFailure was asked, as bound from its parameters.</summary>
public sealed class FailureDiagnosisOptions
{
    /// <summary>How far before a failure the account's and app's history is read (headless scoring, recovery, the last proof).</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How far after a failure its flow and the app's fallback are read.</summary>
    public TimeSpan After { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan ResolutionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many failures per request (a user over an hour can have dozens); the rest are counted in a warning.</summary>
    public int First { get; init; } = 10;

    /// <summary>A classifier with the user's classification data; null: the built-in tables.</summary>
    public StrongAuthClassifier? Classifier { get; init; }

    /// <summary>When the diagnosis runs: the verify command's -FixedAt.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
}
