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
