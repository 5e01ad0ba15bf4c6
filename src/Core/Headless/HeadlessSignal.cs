using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Headless;

/// <summary>One signal of headless-signals.json: its points and the thresholds that make it fire.</summary>
public sealed class HeadlessSignal
{
    public HeadlessSignal(string key, int points, string source)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Points = points;
        Source = source ?? string.Empty;
    }

    public string Key { get; }

    /// <summary>Added to the score when the signal fires; negative for evidence of a person.</summary>
    public int Points { get; }

    /// <summary>The least number of sign-ins (intervals, hours, distinct values) the signal needs.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>The least share (0-1) of the account's sign-ins the signal needs.</summary>
    public double MinShare { get; init; }

    /// <summary>Cadence: how far (a share of the period) an interval may stray and still count as regular.</summary>
    public double Tolerance { get; init; } = 0.1;

    /// <summary>LegacyProtocol: the clientAppUsed values that count.</summary>
    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

    /// <summary>Why the signal and its weight (shown by the docs and in data-file errors).</summary>
    public string Source { get; }

    public override string ToString() => Key + " " + Points;
}
