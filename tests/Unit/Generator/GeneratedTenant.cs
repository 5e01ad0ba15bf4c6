using System;
using System.Collections.Generic;
using System.IO;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>
/// The default seed-42 tenant (60 users, 7 days, every format, la-json also gzipped), generated once into a temp
/// folder for all generator tests: a run takes a fraction of a second, but many tests read its files.
/// </summary>
public sealed class GeneratedTenant : IDisposable
{
    public GeneratedTenant()
    {
        Folder = NewFolder();
        Summary = GeneratorRun.Run(DefaultOptions(Folder));
    }

    public string Folder { get; }

    internal RunSummary Summary { get; }

    internal static GeneratorOptions DefaultOptions(string folder, int seed = 42) =>
        new() { Seed = seed, OutputDirectory = folder, Gzip = new HashSet<string> { "la-json" } };

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "esa-generator-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string format) => Path.Combine(Folder, OutputFormat.Named(format).FileName);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeneratedTenantGroup : ICollectionFixture<GeneratedTenant>
{
    public const string Name = "Generated tenant";
}
