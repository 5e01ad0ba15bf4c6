using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Tests.Accuracy;

/// <summary>Per confidence level: how many findings carried it and how many of those named the true cause.</summary>
internal sealed class ConfidencePrecision
{
    private readonly Dictionary<Confidence, (int Found, int Right)> _counts = new();

    public void Add(Confidence confidence, bool right)
    {
        var (found, correct) = _counts.TryGetValue(confidence, out var n) ? n : (0, 0);
        _counts[confidence] = (found + 1, correct + (right ? 1 : 0));
    }

    public int Found(Confidence confidence) => _counts.TryGetValue(confidence, out var n) ? n.Found : 0;

    /// <summary>Share of the findings at this level whose cause was right; 1 when none carried it.</summary>
    public double Precision(Confidence confidence) =>
        _counts.TryGetValue(confidence, out var n) && n.Found > 0 ? (double)n.Right / n.Found : 1;

    public string ToMarkdown()
    {
        var levels = new[] { Confidence.High, Confidence.Medium, Confidence.Low };
        var text = new StringBuilder("| confidence | findings | precision |").AppendLine().AppendLine("|---|---|---|");
        foreach (var level in levels)
        {
            text.Append("| ").Append(level).Append(" | ").Append(Found(level).ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(Found(level) == 0 ? "–" : Precision(level).ToString("P1", CultureInfo.InvariantCulture)).AppendLine(" |");
        }

        return text.ToString();
    }
}
