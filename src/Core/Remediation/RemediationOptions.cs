using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>The windows and thresholds of a remediation test.</summary>
public sealed class RemediationOptions
{
    public RemediationOptions(DateTimeOffset beforeStart, DateTimeOffset fixedAt, DateTimeOffset afterEnd)
    {
        if (beforeStart >= fixedAt || afterEnd <= fixedAt)
        {
            throw new ArgumentException("The windows must be ordered: before-start < fixed-at < after-end.");
        }

        BeforeStart = beforeStart;
        FixedAt = fixedAt;
        AfterEnd = afterEnd;
    }

    /// <summary>Inclusive start of the before-window.</summary>
    public DateTimeOffset BeforeStart { get; }

    /// <summary>When the fix was made: the before-window ends here (exclusive), the after-window starts here.</summary>
    public DateTimeOffset FixedAt { get; }

    /// <summary>Exclusive end of the after-window.</summary>
    public DateTimeOffset AfterEnd { get; }

    /// <summary>A person is judged only with at least this many of their sign-ins after the fix; fewer: Inconclusive.
    /// Default 3: one sign-in can be a cached token that proves nothing about the next prompt.</summary>
    public int MinimumAfterSignIns { get; init; } = 3;

    /// <summary>The service principal or managed identity "appears" with at least this many sign-ins after the fix. Default 1.</summary>
    public int MinimumWorkloadSignIns { get; init; } = 1;

    /// <summary>A subject not marked as automation is judged as one when at least this share of its user sign-ins
    /// before the fix looked scripted (ROPC, a scripting user agent, an unattended automation app). Default 0.5.</summary>
    public double AutomationShare { get; init; } = 0.5;

    /// <summary>The failure codes that count as strong-authentication failures. Null: the analyzer's default family.</summary>
    public IReadOnlyCollection<int>? ErrorCodes { get; init; }

    /// <summary>The automation apps and scripting user agents; null: the built-in tables.</summary>
    public ClassificationData? Data { get; init; }

    internal IReadOnlyCollection<int> EffectiveErrorCodes => ErrorCodes ?? StrongAuthAnalyzerOptions.DefaultErrorCodes(AadstsCatalog.BuiltIn);

    internal ClassificationData EffectiveData => Data ?? ClassificationData.BuiltIn;
}
