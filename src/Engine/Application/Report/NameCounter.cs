using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>How often each name occurs (case-insensitive), largest first; ties by name so the report is repeatable.</summary>
internal sealed class NameCounter
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.OrdinalIgnoreCase);

    public int Distinct => _counts.Count;

    public void Add(string? name, long count = 1)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        _counts.TryGetValue(name!, out var current);
        _counts[name!] = current + count;
    }

    public IReadOnlyList<KeyValuePair<string, long>> Top(int limit) =>
        _counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();

    /// <summary>"name (count)" for the top ones, then how many more there are.</summary>
    public IReadOnlyList<string> Describe(int limit)
    {
        var lines = Top(limit).Select(pair => pair.Key + " (" + pair.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + ")").ToList();
        if (Distinct > limit)
        {
            lines.Add("and " + (Distinct - limit).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " more");
        }

        return lines;
    }
}
