using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Tests.Accuracy;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>
/// ReadinessCheck's answers scored against readiness-truth.csv over the union of subjects (policy, user, app): a
/// subject only one side has counts as "absent" on the other, so a missed or an invented subject costs recall or
/// precision. WillBreak is scored per reason; verdicts through a confusion matrix.
/// </summary>
internal sealed class ReadinessAccuracy
{
    public const string Absent = "(absent)";

    private readonly Dictionary<BreakReason, (int Both, int TruthOnly, int FoundOnly)> _reasons = new();

    public ReadinessAccuracy(IReadOnlyList<ReadinessTenant.Subject> truth, IReadOnlyList<ReadinessTenant.Subject> found)
    {
        var truthByKey = truth.ToDictionary(t => t.Key);
        var foundByKey = found.ToDictionary(f => f.Key);
        foreach (var reason in Enum.GetValues<BreakReason>())
        {
            _reasons[reason] = (0, 0, 0);
        }

        foreach (var key in truthByKey.Keys.Union(foundByKey.Keys))
        {
            truthByKey.TryGetValue(key, out var t);
            foundByKey.TryGetValue(key, out var f);
            Verdicts.Add(t?.Verdict.ToString() ?? Absent, f?.Verdict.ToString() ?? Absent);
            if (t?.Verdict != f?.Verdict || !(t?.Reasons ?? new HashSet<BreakReason>()).SetEquals(f?.Reasons ?? new HashSet<BreakReason>()))
            {
                Misses.Add(key + ": truth " + Describe(t) + ", found " + Describe(f));
            }

            foreach (var reason in Enum.GetValues<BreakReason>())
            {
                bool inTruth = t?.Reasons.Contains(reason) == true, inFound = f?.Reasons.Contains(reason) == true;
                var (both, truthOnly, foundOnly) = _reasons[reason];
                _reasons[reason] = (both + (inTruth && inFound ? 1 : 0), truthOnly + (inTruth && !inFound ? 1 : 0), foundOnly + (!inTruth && inFound ? 1 : 0));
            }
        }
    }

    public ConfusionMatrix Verdicts { get; } = new();

    /// <summary>Every subject whose verdict or reasons differ, for the test's output.</summary>
    public List<string> Misses { get; } = new();

    /// <summary>Share of subjects (union of both sides) whose verdict is the true one.</summary>
    public double Agreement => (double)Verdicts.Causes.Sum(v => Verdicts.Count(v, v)) / Verdicts.Total;

    public int TrueCount(BreakReason reason) => _reasons[reason].Both + _reasons[reason].TruthOnly;

    public double Precision(BreakReason reason) => _reasons[reason] is var r && r.Both + r.FoundOnly == 0 ? 1 : (double)r.Both / (r.Both + r.FoundOnly);

    public double Recall(BreakReason reason) => _reasons[reason] is var r && r.Both + r.TruthOnly == 0 ? 1 : (double)r.Both / (r.Both + r.TruthOnly);

    public string ReasonTable()
    {
        var text = new StringBuilder("| reason | true | found | both | precision | recall |\n|---|---|---|---|---|---|\n");
        foreach (var (reason, r) in _reasons)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {reason} | {r.Both + r.TruthOnly} | {r.Both + r.FoundOnly} | {r.Both} | {Precision(reason):P1} | {Recall(reason):P1} |\n");
        }

        return text.ToString();
    }

    private static string Describe(ReadinessTenant.Subject? s) =>
        s is null ? Absent : s.Verdict + (s.Reasons.Count == 0 ? string.Empty : " (" + string.Join(", ", s.Reasons.Order()) + ")") + " " + s.Who;
}
