using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// The tables headless scoring works from: the signals and environments of headless-signals.json, plus the
/// automation apps and scripting user agents shared with the failure classifier (never copied: one table, two users).
/// </summary>
public sealed class HeadlessData
{
    internal const string SignalsFile = "headless-signals.json";

    private static readonly Lazy<HeadlessData> BuiltInData = new(LoadBuiltIn);

    private readonly Dictionary<string, HeadlessSignal> _signals;

    public HeadlessData(IReadOnlyList<HeadlessSignal> signals, IReadOnlyList<HeadlessEnvironment> environments, ClassificationData classification)
    {
        Signals = signals ?? throw new ArgumentNullException(nameof(signals));
        Environments = environments ?? throw new ArgumentNullException(nameof(environments));
        Classification = classification ?? throw new ArgumentNullException(nameof(classification));
        _signals = new Dictionary<string, HeadlessSignal>(StringComparer.OrdinalIgnoreCase);
        foreach (var signal in signals)
        {
            _signals[signal.Key] = signal;
        }
    }

    /// <summary>The shipped tables, read once per process.</summary>
    public static HeadlessData BuiltIn => BuiltInData.Value;

    public IReadOnlyList<HeadlessSignal> Signals { get; }

    /// <summary>In priority order: on a tie in matching sign-ins the earlier environment wins.</summary>
    public IReadOnlyList<HeadlessEnvironment> Environments { get; }

    public ClassificationData Classification { get; }

    /// <summary>The signal with this key, or null when the data leaves it out (it then never fires).</summary>
    public HeadlessSignal? Signal(string key) => _signals.TryGetValue(key, out var signal) ? signal : null;

    /// <summary>A clientAppUsed value of a legacy protocol (the LegacyProtocol signal's values): it cannot carry an MFA challenge.</summary>
    internal bool IsLegacyClient(string? clientAppUsed) =>
        clientAppUsed is { } client && Signal(HeadlessSignalKeys.LegacyProtocol) is { } legacy && legacy.Values.Contains(client.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a headless-signals.json (e.g. a user's copy) to pair with the given classification tables.</summary>
    public static HeadlessData Read(Stream json, string source, ClassificationData classification)
    {
        var (signals, environments) = HeadlessDataReader.Read(json, source);
        return new HeadlessData(signals, environments, classification);
    }

    private static HeadlessData LoadBuiltIn()
    {
        // The unit tests read the shipped file; an error here means a broken build, not bad user input.
        using var stream = typeof(HeadlessData).Assembly.GetManifestResourceStream("EntraStrongAuth.Core.Data." + SignalsFile)
            ?? throw new InvalidOperationException("The built-in data file " + SignalsFile + " is missing from EntraStrongAuth.Core.");
        return Read(stream, SignalsFile, ClassificationData.BuiltIn);
    }
}
