using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Accuracy;

/// <summary>
/// One generated tenant, on a seed that is not the committed sample's, written in full (graph-json) and in each thin
/// variant, with the generator's ground truth (truth.csv: id → true cause). Generated once for all accuracy tests.
/// </summary>
public sealed class AccuracyTenant : IDisposable
{
    public const int Seed = 20261129;

    /// <summary>The full beta record, then the thin variants: what each kind of input may cost in recall, never in High precision.</summary>
    public static readonly string[] Variants = { "graph-json", "graph-v1", "graph-no-ca", "graph-no-auth-details", "la-json-no-dynamic" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-accuracy-" + Guid.NewGuid().ToString("N"));

    public AccuracyTenant()
    {
        Options = new GeneratorOptions { Seed = Seed, Users = 150, Days = 14, OutputDirectory = _folder, Formats = Variants.Select(OutputFormat.Named).ToArray() };
        GeneratorRun.Run(Options);
        Truth = File.ReadLines(Path.Combine(_folder, "truth.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0].Trim('"'), cells => cells[2].Trim('"'), StringComparer.Ordinal);
    }

    internal GeneratorOptions Options { get; }

    /// <summary>Sign-in id → true cause.</summary>
    public IReadOnlyDictionary<string, string> Truth { get; }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The offline path (reader, classifier, linker) over one variant's file: each failure by sign-in id.</summary>
    public Dictionary<string, StrongAuthFailure> Analyze(string variant)
    {
        var file = Path.Combine(_folder, OutputFormat.Named(variant).FileName);
        var analyzer = new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { IncludeBenign = true, Now = new DateTimeOffset(Options.End.AddDays(1), TimeSpan.Zero) });
        var failures = new List<StrongAuthFailure>();
        foreach (var item in SignInLogReader.ReadFile(file, SignInLogFormat.Auto, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            failures.AddRange(analyzer.Observe(item.SignIn!));
        }

        failures.AddRange(analyzer.Complete());
        return failures.ToDictionary(f => f.SignInId!, StringComparer.Ordinal);
    }
}
