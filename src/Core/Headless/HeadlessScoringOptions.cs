using System;

namespace EntraStrongAuth.Core.Headless;

/// <summary>How Find-HeadlessUserSignIn scores: the data tables, the threshold, and whether to split by client app.</summary>
public sealed class HeadlessScoringOptions
{
    /// <summary>Findings below this score are not returned (Find-HeadlessUserSignIn -MinimumScore; default 50).</summary>
    public int MinimumScore { get; init; } = 50;

    /// <summary>Also score each user + client app pair (a person's account that also runs one script).</summary>
    public bool PerApp { get; init; }

    /// <summary>The window the sign-ins cover; "no interactive sign-in in the window" needs it. Null: from the data.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>The signal and environment tables; null: the built-in headless-signals.json with the built-in classification tables.</summary>
    public HeadlessData? Data { get; init; }
}
