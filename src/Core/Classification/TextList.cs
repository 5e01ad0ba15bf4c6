using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// A read-only list whose ToString joins its items, so Export-Csv and Format-Table show "a; b; c" instead of the
/// list's type name.
/// </summary>
public sealed class TextList<T> : ReadOnlyCollection<T>
{
    private readonly string _separator;

    public TextList(IEnumerable<T> items, string separator = "; ")
        : base(items.ToList())
    {
        _separator = separator;
    }

    public override string ToString() => string.Join(_separator, this.Select(item => item?.ToString()));
}

/// <summary>Builds <see cref="TextList{T}"/>s for the lists output objects carry.</summary>
public static class TextListExtensions
{
    public static TextList<T> ToTextList<T>(this IEnumerable<T> items, string separator = "; ") => new(items, separator);
}

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
