using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace EntraStrongAuth.Tests.Hostile.Fuzz;

/// <summary>
/// The fuzzing loop: for a time budget, take a seed input, mutate it (its archive's bytes or the content inside),
/// read it through the Engine's reader under a time limit, and check <see cref="HostileVerdict.Endurance"/>. Stops at
/// the first failure, keeping the input in out/TestResults and saying how to replay it.
/// </summary>
internal sealed class FuzzRun
{
    /// <summary>No mutation of a fixture of at most a few hundred KB takes an honest reader anywhere near this.</summary>
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    public required int Seed { get; init; }

    public required TimeSpan Budget { get; init; }

    /// <summary>At most this many inputs: with a fixed seed the inputs tried are the same on any machine that finishes.</summary>
    public int MaxIterations { get; init; } = int.MaxValue;

    /// <summary>Replay this one iteration only (from a failure message).</summary>
    public int? OnlyIteration { get; init; }

    /// <summary>A crash that <see cref="OpenDefects"/> knows is counted, not failed: its fix is on another branch.</summary>
    public bool TolerateOpenDefects { get; init; }

    /// <summary>Inputs that hit a defect still open on this branch, by defect.</summary>
    public Dictionary<string, int> OpenDefectHits { get; } = new(StringComparer.Ordinal);

    public bool ControlCharacters { get; init; }

    public int Iterations { get; private set; }

    public int Errors { get; private set; }

    public int Crashes { get; private set; }

    public int Hangs { get; private set; }

    /// <summary>Runs until the budget is spent or an input fails; returns the failure, or null.</summary>
    public string? Run()
    {
        using var folder = new HostileFolder("fuzz");
        var clock = Stopwatch.StartNew();
        for (var iteration = OnlyIteration ?? 0; OnlyIteration is null ? clock.Elapsed < Budget && iteration < MaxIterations : iteration == OnlyIteration; iteration++)
        {
            var mutator = new Mutator(Seed, iteration);
            var seed = FuzzSeeds.All[mutator.Next(FuzzSeeds.All.Count)];
            var applied = new List<string>();
            var path = folder.Bytes(seed.Name, Build(seed, mutator, applied));

            var report = EngineRead.Run([path], PerInputLimit, settleHeap: false);
            File.Delete(path);

            Iterations++;
            Errors += report.Errors.Count;
            Hangs += report.Hung ? 1 : 0;
            if (report.Crash is { } crash && TolerateOpenDefects && OpenDefects.Match(crash) is { } defect)
            {
                OpenDefectHits[defect] = OpenDefectHits.GetValueOrDefault(defect) + 1;
                continue;
            }

            Crashes += report.Crash is null ? 0 : 1;
            var wrong = HostileVerdict.Endurance(report, folder.Root, PerInputLimit, ControlCharacters);
            if (wrong.Count > 0)
            {
                return Failure(iteration, seed, applied, wrong);
            }
        }

        return null;
    }

    private static byte[] Build(FuzzSeed seed, Mutator mutator, List<string> applied)
    {
        // Half the archives are damaged as archives, half carry damaged content intact.
        var outer = seed.Wrapping != FuzzWrapping.None && mutator.Next(2) == 0;
        var content = outer ? seed.Content : mutator.Mutate(seed.Content, applied);
        var wrapped = seed.Wrapping switch
        {
            FuzzWrapping.Gzip => HostileBytes.Gzip(content),
            FuzzWrapping.Zip => HostileBytes.Zip(("signins/graph.json", content), ("second.ndjson", HostileBytes.Utf8(SignInSamples.Graph("second-entry") + "\n"))),
            _ => content,
        };
        if (outer)
        {
            applied.Add("(to the archive's bytes)");
            wrapped = mutator.Mutate(wrapped, applied);
        }

        return wrapped;
    }

    private string Failure(int iteration, FuzzSeed seed, List<string> applied, List<string> wrong)
    {
        var kept = "(not kept)";
        try
        {
            var results = Directory.CreateDirectory(Path.Combine(RepositoryFolder.Root(), "out", "TestResults"));
            kept = Path.Combine(results.FullName, string.Format(CultureInfo.InvariantCulture, "fuzz-{0}-{1}-{2}", Seed, iteration, seed.Name));
            var again = new Mutator(Seed, iteration);
            again.Next(FuzzSeeds.All.Count);
            File.WriteAllBytes(kept, Build(seed, again, []));
        }
        catch (IOException)
        {
            // Keeping the input is a convenience; the seed and iteration reproduce it anyway.
        }

        return string.Format(CultureInfo.InvariantCulture,
            "Fuzz seed {0}, iteration {1} (after {2} inputs): {3} mutated by {4}: {5}{6}Input kept as {7}. Replay: ENTRASTRONGAUTH_FUZZ_SEED={0} ENTRASTRONGAUTH_FUZZ_ITERATION={1} dotnet test tests/Unit -c Release --filter FullyQualifiedName~Hostile.Fuzz",
            Seed, iteration, Iterations, seed.Name, string.Join(", ", applied), string.Join("; ", wrong), Environment.NewLine, kept);
    }
}
