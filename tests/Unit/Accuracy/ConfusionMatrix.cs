using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.Tests.Accuracy;

/// <summary>True cause vs found cause counts, with per-cause precision and recall, printable as a markdown table.</summary>
internal sealed class ConfusionMatrix
{
    private readonly Dictionary<(string True, string Found), int> _counts = new();

    public void Add(string trueCause, string foundCause) =>
        _counts[(trueCause, foundCause)] = _counts.TryGetValue((trueCause, foundCause), out var n) ? n + 1 : 1;

    public IReadOnlyList<string> Causes =>
        _counts.Keys.SelectMany(k => new[] { k.True, k.Found }).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();

    public int Total => _counts.Values.Sum();

    public double Precision(string cause)
    {
        var found = _counts.Where(c => c.Key.Found == cause).Sum(c => c.Value);
        return found == 0 ? 1 : (double)Count(cause, cause) / found;
    }

    public double Recall(string cause)
    {
        var actual = _counts.Where(c => c.Key.True == cause).Sum(c => c.Value);
        return actual == 0 ? 1 : (double)Count(cause, cause) / actual;
    }

    public int Count(string trueCause, string foundCause) => _counts.TryGetValue((trueCause, foundCause), out var n) ? n : 0;

    public string ToMarkdown()
    {
        var causes = Causes;
        var text = new StringBuilder("| true \\ found | ").Append(string.Join(" | ", causes)).AppendLine(" | recall |");
        text.Append("|---|").Append(string.Concat(causes.Select(_ => "---|"))).AppendLine("---|");
        foreach (var row in causes)
        {
            text.Append("| ").Append(row).Append(" | ")
                .Append(string.Join(" | ", causes.Select(col => Count(row, col).ToString(CultureInfo.InvariantCulture))))
                .Append(" | ").Append(Recall(row).ToString("P1", CultureInfo.InvariantCulture)).AppendLine(" |");
        }

        text.Append("| precision | ").Append(string.Join(" | ", causes.Select(c => Precision(c).ToString("P1", CultureInfo.InvariantCulture)))).AppendLine(" | |");
        return text.ToString();
    }
}
