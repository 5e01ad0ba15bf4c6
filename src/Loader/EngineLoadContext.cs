using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace EntraStrongAuth.Loader;

/// <summary>
/// The isolated load context for EntraStrongAuth.Engine and everything it depends on (Microsoft.Graph, Kiota,
/// Azure.Identity, Azure.Core, MSAL …). Other modules (Az, Microsoft.Graph, ExchangeOnlineManagement) load their own,
/// often different, versions of those assemblies into PowerShell's default context; a Resolving handler alone cannot
/// win over an already-loaded version, but a load context with its own <see cref="Load"/> always serves ours.
/// </summary>
public sealed class EngineLoadContext : AssemblyLoadContext
{
    /// <summary>The bridge assembly: the only name the default context's Resolving handler answers for.</summary>
    public const string EngineAssemblyName = "EntraStrongAuth.Engine";

    /// <summary>Types shared by both sides (output objects, options): must come from the default context.</summary>
    public const string SharedAssemblyName = "EntraStrongAuth.Core";

    private static readonly object Gate = new();
    private static EngineLoadContext? _instance;

    private readonly string _dependenciesFolder;
    private readonly string _frameworkFolder;

    private EngineLoadContext(string dependenciesFolder)
        : base("EntraStrongAuth.Engine", isCollectible: false)
    {
        _dependenciesFolder = dependenciesFolder;
        _frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
    }

    /// <summary>The folder the context serves assemblies from, once registered.</summary>
    public static string? DependenciesFolder => _instance?._dependenciesFolder;

    /// <summary>
    /// Creates the context (once per process) and hooks the default context's Resolving event for the Engine's name.
    /// Idempotent: a second import of the module (or Import-Module -Force) reuses the first context, because an
    /// assembly cannot be loaded twice into one context and types must stay identical across imports.
    /// </summary>
    public static void Register(string dependenciesFolder)
    {
        if (string.IsNullOrEmpty(dependenciesFolder))
        {
            throw new ArgumentException("The Dependencies folder is required.", nameof(dependenciesFolder));
        }

        lock (Gate)
        {
            if (_instance is not null)
            {
                return;
            }

            _instance = new EngineLoadContext(Path.GetFullPath(dependenciesFolder));
            Default.Resolving += ResolveEngineFromDefault;
        }
    }

    /// <summary>Names of the assemblies this context has loaded (for diagnostics and tests).</summary>
    public static IReadOnlyList<string> LoadedAssemblyNames()
    {
        var names = new List<string>();
        if (_instance is not null)
        {
            foreach (var assembly in _instance.Assemblies)
            {
                names.Add(assembly.GetName().FullName);
            }
        }

        return names;
    }

    private static Assembly? ResolveEngineFromDefault(AssemblyLoadContext context, AssemblyName name)
    {
        // Answer only for the bridge: anything else the default context misses is not ours to serve.
        if (_instance is null || !string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal))
        {
            return null;
        }

        return _instance.LoadFromAssemblyName(name);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var simpleName = assemblyName.Name;
        if (simpleName is null || string.Equals(simpleName, SharedAssemblyName, StringComparison.Ordinal))
        {
            // null defers to the default context, where the Cmdlets assembly already loaded Core.
            return null;
        }

        // The runtime's own assemblies (System.Memory, System.Text.Json, netstandard …) are newer than the
        // netstandard2.0 package copies and must stay shared: a second System.Memory would split Span<T>.
        if (File.Exists(Path.Combine(_frameworkFolder, simpleName + ".dll")))
        {
            return null;
        }

        var candidate = Path.Combine(_dependenciesFolder, simpleName + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
