using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Engine.Application.Failures;

/// <summary>What Get-StrongAuthFailure was asked, as bound from its parameters.</summary>
public sealed class FailureAnalysisOptions
{
    /// <summary>Accounts, apps and the time range; the range bounds the failures reported, not the successes that link.</summary>
    public SignInFilterOptions Filter { get; init; } = new();

    /// <summary>Only these causes are reported; null: every cause.</summary>
    public IReadOnlyList<FailureCause>? Causes { get; init; }

    /// <summary>The codes to classify; null: every strong-authentication code the analyzer knows.</summary>
    public IReadOnlyList<int>? ErrorCodes { get; init; }

    public bool IncludeBenign { get; init; }

    public TimeSpan ResolutionWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>One summary object instead of one object per failure.</summary>
    public bool Summary { get; init; }

    /// <summary>A classifier with the user's classification data; null: the built-in tables.</summary>
    public StrongAuthClassifier? Classifier { get; init; }
}
