using System.Collections.Generic;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>The files path parameters name, each once, the problems of the values that named none, and warnings (links to folders not followed).</summary>
internal sealed class ResolvedPaths
{
    public List<string> Files { get; } = new();

    public List<EntraStrongAuthException> Problems { get; } = new();

    public List<string> Warnings { get; } = new();

    public void Deconstruct(out List<string> files, out List<EntraStrongAuthException> problems)
    {
        files = Files;
        problems = Problems;
    }
}
