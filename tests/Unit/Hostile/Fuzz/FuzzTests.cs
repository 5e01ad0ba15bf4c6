using System;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Hostile.Fuzz;

/// <summary>
/// A seeded mutation fuzzer over the sign-in readers (JSON, CSV, Log Analytics, archives), bounded in time for CI.
/// ENTRASTRONGAUTH_FUZZ_SECONDS lengthens it, ENTRASTRONGAUTH_FUZZ_SEED fixes the seed (otherwise a new one each run,
/// printed in the output and in any failure), ENTRASTRONGAUTH_FUZZ_ITERATION replays one input of a failure.
/// </summary>
[Collection(HostileInputSerial.Name)]
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Crashes of the defects still open on this branch (<see cref="OpenDefects"/>) are counted and printed, not failed.</summary>
    [Fact]
    public void Mutated_sign_in_logs_never_crash_hang_or_leave_an_error_unlocated() =>
        Fuzz(tolerateOpenDefects: true, controlCharacters: false, defaultSeconds: 45);

    [Fact(Skip = "issue 14 defects 2, 10, 12 (out-of-range times and invalid UTF-8 crash a reader; control characters reach messages): fixed on branch i14-readers; 11 (a damaged ZIP directory throws): fixed on branch i14-files")]
    public void Mutated_sign_in_logs_keep_the_whole_standard() =>
        Fuzz(tolerateOpenDefects: false, controlCharacters: true, defaultSeconds: 15);

    private void Fuzz(bool tolerateOpenDefects, bool controlCharacters, int defaultSeconds)
    {
        var seed = Setting("ENTRASTRONGAUTH_FUZZ_SEED") ?? Random.Shared.Next();
        var run = new FuzzRun
        {
            Seed = seed,
            Budget = TimeSpan.FromSeconds(Setting("ENTRASTRONGAUTH_FUZZ_SECONDS") ?? defaultSeconds),
            OnlyIteration = Setting("ENTRASTRONGAUTH_FUZZ_ITERATION"),
            TolerateOpenDefects = tolerateOpenDefects,
            ControlCharacters = controlCharacters,
        };
        output.WriteLine("Fuzz seed " + seed + " (set ENTRASTRONGAUTH_FUZZ_SEED=" + seed + " to repeat this run)");

        var failure = run.Run();

        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N0} mutated inputs, {1:N0} located errors, {2} crashes, {3} hangs", run.Iterations, run.Errors, run.Crashes, run.Hangs));
        foreach (var (defect, hits) in run.OpenDefectHits)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0:N0} inputs crashed on {1}, not yet fixed on this branch", hits, defect));
        }

        Assert.True(failure is null, failure);
        Assert.True(run.Iterations > 0, "The fuzzer ran no input.");
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
