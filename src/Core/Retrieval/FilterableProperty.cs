using System.Collections.Generic;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>A property Graph filters sign-ins on, and the operators (or functions) it takes there.</summary>
internal sealed class FilterableProperty
{
    public FilterableProperty(string path, params string[] operators)
    {
        Path = path;
        Operators = operators;
    }

    public string Path { get; }

    public IReadOnlyList<string> Operators { get; }
}
