using System.Collections.Generic;
using System.IO;
using System.Linq;
using EntraStrongAuth.Tests.SignIns;

namespace EntraStrongAuth.Tests.Hostile.Fuzz;

/// <summary>A valid input the fuzzer mutates: its name (the extension is kept), its bytes, and how it is wrapped.</summary>
internal sealed record FuzzSeed(string Name, byte[] Content, FuzzWrapping Wrapping);

/// <summary>How a seed's content is stored, so a mutation can hit the archive's bytes or the content inside it.</summary>
internal enum FuzzWrapping
{
    None,
    Gzip,
    Zip,
}

/// <summary>
/// The fuzzer's seeds: the hand-written and real fixtures of every reader (tests/Unit/SignIns/Fixtures): Graph pages,
/// admin center JSON and CSV (three delimiters), Log Analytics CSV, JSON and NDJSON, the query API result, the
/// diagnostic archive, and a gzip and a ZIP around them.
/// </summary>
internal static class FuzzSeeds
{
    private static readonly string[] Plain =
    [
        "graph-beta-pages.json", "graph-v1-page.json", "graph-beta-older-shape.json", "admin-center-signins.json",
        "admin-center-semicolon.csv", "admin-center-tab.csv", "admin-center-utc-plus-one.csv", "la-signinlogs-portal.csv",
        "la-signinlogs-nested.json", "la-signinlogs-strings.ndjson", "la-query-result.json", "diagnostic-archive.ndjson",
        "diagnostic-archive-records.json", "custom-log-suffixed.csv", "custom-log-suffixed.json",
    ];

    public static IReadOnlyList<FuzzSeed> All { get; } = Load();

    private static List<FuzzSeed> Load()
    {
        var seeds = Plain.Select(name => new FuzzSeed(name, File.ReadAllBytes(SignInFixtures.Path(name)), FuzzWrapping.None)).ToList();
        seeds.Add(new FuzzSeed("la-signinlogs-portal.csv.gz", File.ReadAllBytes(SignInFixtures.Path("la-signinlogs-portal.csv")), FuzzWrapping.Gzip));
        seeds.Add(new FuzzSeed("diagnostic-archive.ndjson.gz", File.ReadAllBytes(SignInFixtures.Path("diagnostic-archive.ndjson")), FuzzWrapping.Gzip));
        seeds.Add(new FuzzSeed("export.zip", File.ReadAllBytes(SignInFixtures.Path("graph-beta-pages.json")), FuzzWrapping.Zip));
        return seeds;
    }
}
