using System;
using System.Linq;
using System.Reflection;
using EntraStrongAuth.Cmdlets.Commands;
using EntraStrongAuth.Core.Aadsts;
using Xunit;

namespace EntraStrongAuth.Tests.Isolation;

/// <summary>
/// The assemblies PowerShell loads into its default context must not reference anything that other modules
/// ship in other versions; those belong to the Engine, in its own load context (docs/DESIGN.md §2).
/// </summary>
public class AssemblyIsolationTests
{
    private static readonly string[] IsolatedPrefixes =
    {
        "Azure.", "Microsoft.Identity", "Microsoft.Graph", "Microsoft.Kiota", "System.Text.Json",
    };

    public static TheoryData<string> DefaultContextAssemblies() => new()
    {
        typeof(ResolveAadstsErrorCommand).Assembly.GetName().Name!,
        typeof(AadstsCatalog).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(DefaultContextAssemblies))]
    public void Default_context_assembly_references_no_isolated_package(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(r => r.Name!).ToList();

        var leaks = references.Where(r => IsolatedPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.Empty(leaks);
        Assert.NotEmpty(references);
    }

    [Fact]
    public void Core_references_only_the_base_class_library()
    {
        var references = typeof(AadstsCatalog).Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.Equal(new[] { "netstandard" }, references);
    }

    [Fact]
    public void The_guard_would_catch_the_engine()
    {
        // The guard must be able to fail: the Engine does reference the isolated packages.
        var engine = typeof(Engine.Connection.GraphConnection).Assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.Contains(engine, r => r.StartsWith("Azure.", StringComparison.Ordinal));
        Assert.Contains(engine, r => r.StartsWith("Microsoft.Graph", StringComparison.Ordinal));
    }
}
