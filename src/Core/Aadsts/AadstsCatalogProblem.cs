using System.Globalization;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>One bad entry in a catalog file: which file, which entry, which field, and what was expected.</summary>
public sealed class AadstsCatalogProblem
{
    public AadstsCatalogProblem(string source, int entryNumber, int? code, string field, string expected)
    {
        Source = source;
        EntryNumber = entryNumber;
        Code = code;
        Field = field;
        Expected = expected;
    }

    /// <summary>The file the entry came from.</summary>
    public string Source { get; }

    /// <summary>1-based position of the entry in the file's <c>entries</c> array.</summary>
    public int EntryNumber { get; }

    /// <summary>The entry's code, when it had a readable one.</summary>
    public int? Code { get; }

    public string Field { get; }

    public string Expected { get; }

    public override string ToString()
    {
        var which = Code is { } code
            ? string.Format(CultureInfo.InvariantCulture, "entry {0} (code {1})", EntryNumber, code)
            : string.Format(CultureInfo.InvariantCulture, "entry {0}", EntryNumber);
        return string.Format(CultureInfo.InvariantCulture, "{0}: {1}, field '{2}': {3}.", Source, which, Field, Expected);
    }
}
