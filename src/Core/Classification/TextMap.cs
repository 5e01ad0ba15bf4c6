using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// A read-only count per name whose ToString reads "Ready 3, WillBreak 1", so Export-Csv and Format-Table show the
/// counts instead of the dictionary's type name; ConvertTo-Json writes it as an object keyed by the names.
/// </summary>
public sealed class TextMap : ReadOnlyDictionary<string, int>
{
    public TextMap(IDictionary<string, int> counts)
        : base(counts)
    {
    }

    public override string ToString() => string.Join(", ", this.Select(pair => pair.Key + " " + pair.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
