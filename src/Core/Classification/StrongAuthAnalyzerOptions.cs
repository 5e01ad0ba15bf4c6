using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Aadsts;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Settings of a <see cref="StrongAuthAnalyzer"/> run.</summary>
public sealed class StrongAuthAnalyzerOptions
{
    /// <summary>The codes outside the catalog's strong-auth set that the analyzer still reports by default: 500121 and 50158
    /// (MFA failures), 50140 / 50199 (the benign interrupts, so -IncludeBenign can show them), and the session codes that
    /// end a strong-auth session and send the user back to MFA: 50058 (no session on a silent request), 50132 / 50133
    /// (session invalid or revoked), 50173 (grant revoked), 700082 (refresh token expired by inactivity).</summary>
    private static readonly int[] AlsoReported = { 500121, 50158, 50140, 50199, 50058, 50132, 50133, 50173, 700082 };

    /// <summary>The reference time for "too recent to be complete"; the current time unless set (tests and replays fix it).</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>How long after a failure a success of the same user and app still resolves it. Default 10 minutes.</summary>
    public TimeSpan ResolutionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after a failure a success of the same correlation, original request or session still resolves it. Default 1 hour.</summary>
    public TimeSpan SameFlowWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A step-up or similar interrupt resolved in the same flow within this time is a normal sign-in (BenignInterrupt). Default 5 minutes.</summary>
    public TimeSpan BenignWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures younger than this (relative to <see cref="Now"/>) may still be aggregated by Entra ID: flagged PossiblyIncomplete. Default 15 minutes.</summary>
    public TimeSpan IncompleteAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The failure codes to classify; others are skipped before classification. Null: <see cref="DefaultErrorCodes"/>.</summary>
    public IReadOnlyCollection<int>? ErrorCodes { get; set; }

    /// <summary>Also return benign interrupts (hidden by default).</summary>
    public bool IncludeBenign { get; set; }

    /// <summary>
    /// The order the caller will observe sign-ins in; sorted input lets outcomes be returned as soon as they are final
    /// and keeps memory bounded. Default <see cref="SignInOrder.Detect"/>: taken from the first sign-ins.
    /// </summary>
    public SignInOrder InputOrder { get; set; } = SignInOrder.Detect;

    /// <summary>How far a sorted input may stray from its order (e.g. sources sorted only to the second) without counting as unordered.</summary>
    public TimeSpan OrderTolerance { get; set; } = TimeSpan.Zero;

    /// <summary>The classifier to use; null: <see cref="StrongAuthClassifier.Default"/>.</summary>
    public StrongAuthClassifier? Classifier { get; set; }

    /// <summary>The strong-authentication family: the catalog's strong-auth codes plus the codes in AlsoReported.</summary>
    public static IReadOnlyCollection<int> DefaultErrorCodes(AadstsCatalog catalog) =>
        new HashSet<int>((catalog ?? throw new ArgumentNullException(nameof(catalog))).Entries.Where(e => e.IsStrongAuth).Select(e => e.Code).Concat(AlsoReported));
}
