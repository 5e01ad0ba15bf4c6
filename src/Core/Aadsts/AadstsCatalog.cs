using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>
/// The AADSTS codes EntraStrongAuth can explain. The built-in table is a data file embedded in this assembly
/// (Microsoft: "apps that take a dependency on text or error code numbers will be broken over time", so the table
/// must be updatable without code); a user catalog can add entries or override built-in ones by code.
/// </summary>
public sealed class AadstsCatalog
{
    internal const string BuiltInResourceName = "EntraStrongAuth.Core.Data.aadsts-catalog.json";
    public const string BuiltInSource = "BuiltIn";

    private static readonly Lazy<AadstsCatalog> BuiltInCatalog = new(LoadBuiltIn);

    private readonly Dictionary<int, AadstsCatalogEntry> _entries;

    private AadstsCatalog(IEnumerable<AadstsCatalogEntry> entries)
    {
        _entries = new Dictionary<int, AadstsCatalogEntry>();
        foreach (var entry in entries)
        {
            _entries[entry.Code] = entry;
        }
    }

    /// <summary>The shipped catalog, read once per process.</summary>
    public static AadstsCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>All entries, ordered by code.</summary>
    public IReadOnlyList<AadstsCatalogEntry> Entries => _entries.Values.OrderBy(e => e.Code).ToList();

    public bool TryGet(int code, out AadstsCatalogEntry entry) => _entries.TryGetValue(code, out entry!);

    /// <summary>A new catalog where <paramref name="entries"/> add to or replace this one's entries (matched by code).</summary>
    public AadstsCatalog With(IEnumerable<AadstsCatalogEntry> entries) =>
        new(_entries.Values.Concat(entries ?? throw new ArgumentNullException(nameof(entries))));

    /// <summary>Reads a user catalog file. Bad entries come back as problems; the good ones are still returned.</summary>
    public static AadstsCatalogReadResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return AadstsCatalogReader.Read(stream, path);
    }

    private static AadstsCatalog LoadBuiltIn()
    {
        using var stream = typeof(AadstsCatalog).Assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException("The built-in AADSTS catalog is missing from EntraStrongAuth.Core.");
        var result = AadstsCatalogReader.Read(stream, BuiltInSource);
        if (result.Problems.Count > 0)
        {
            // The unit tests read the shipped file; reaching this means a broken build, not bad user input.
            throw new InvalidOperationException("The built-in AADSTS catalog is invalid: " + result.Problems[0]);
        }

        return new AadstsCatalog(result.Entries);
    }
}
