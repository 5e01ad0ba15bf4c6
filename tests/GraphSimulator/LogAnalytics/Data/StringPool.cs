using System;
using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>
/// Interned cell text shared by every stored table: a sign-in log repeats the same UPNs, app ids, user agents and
/// JSON fragments across hundreds of thousands of rows, so each distinct text is stored once and cells hold an int.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> texts = new();

    public int Count => texts.Count;

    public int Intern(string text)
    {
        if (!ids.TryGetValue(text, out int id))
        {
            id = texts.Count;
            texts.Add(text);
            ids[text] = id;
        }

        return id;
    }

    public string this[int id] => texts[id];

    /// <summary>Drops the lookup dictionary once loading is done (the texts stay).</summary>
    public void Freeze()
    {
        ids.Clear();
        ids.TrimExcess();
        texts.TrimExcess();
    }
}
