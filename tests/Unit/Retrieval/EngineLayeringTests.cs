using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>
/// The Engine's Graph namespaces depend one way: GraphHttp (pipeline, shared limiter, clock) on nothing of the
/// Engine; Connection on GraphHttp; Retrieval and the readers above it on both. A connection that needed the
/// retrieval code (or the reverse pair) would tie every change of one to the other.
/// </summary>
public sealed class EngineLayeringTests
{
    [Theory]
    [InlineData("GraphHttp", "Connection")]
    [InlineData("GraphHttp", "Retrieval")]
    [InlineData("Connection", "Retrieval")]
    public void A_lower_namespace_never_names_a_higher_one(string lower, string higher)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryFolder.Root(), "src", "Engine", lower), "*.cs");
        Assert.NotEmpty(files);

        // "using EntraStrongAuth.Engine.X", "EntraStrongAuth.Engine.X.Type" or "X.Type"; Core's namespaces of the same name are fine.
        var reference = new Regex(@"(?<![\w.])(?:EntraStrongAuth\.Engine\.)?" + higher + @"\b(?=[.;])", RegexOptions.CultureInvariant);
        var offending = files
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && reference.IsMatch(x.line))
            .Select(x => Path.GetFileName(x.file) + ":" + x.number + ": " + x.line.Trim())
            .ToList();

        Assert.True(offending.Count == 0, "Engine." + lower + " refers to Engine." + higher + ":" + Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void The_check_sees_a_qualified_name_and_a_using()
    {
        var reference = new Regex(@"(?<![\w.])(?:EntraStrongAuth\.Engine\.)?Retrieval\b(?=[.;])", RegexOptions.CultureInvariant);

        Assert.Matches(reference, "    internal Retrieval.RequestRateLimiter Limiter { get; }");
        Assert.Matches(reference, "using EntraStrongAuth.Engine.Retrieval;");
        Assert.DoesNotMatch(reference, "using EntraStrongAuth.Core.Retrieval;");
        Assert.DoesNotMatch(reference, "    private readonly RetrievalOptions _options;");
    }
}
