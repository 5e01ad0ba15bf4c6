using System.Globalization;

namespace EntraStrongAuth.Core.Classification;

/// <summary>One bad item in a classification data file: which file, which item (e.g. rule 'headless-ropc'), which field, and what was expected.</summary>
public sealed class ClassificationDataProblem
{
    public ClassificationDataProblem(string source, string item, string field, string expected)
    {
        Source = source;
        Item = item;
        Field = field;
        Expected = expected;
    }

    /// <summary>The file: a path, or the built-in resource's file name.</summary>
    public string Source { get; }

    /// <summary>The item, by id where it has one: <c>rule 'headless-ropc' (rule 8)</c>, <c>app 3 (04b07795-…)</c>.</summary>
    public string Item { get; }

    /// <summary>The field, with the path inside the item: <c>when[0].field</c>.</summary>
    public string Field { get; }

    public string Expected { get; }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}: {1}, field '{2}': {3}.", Source, Item, Field, Expected);
}
