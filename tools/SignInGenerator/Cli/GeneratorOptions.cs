using System.Globalization;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.SignInGenerator.Cli;

/// <summary>The command line, parsed and checked. Everything has a default except --out.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>A fixed end date, never "now": the same seed must give the same bytes on any day.</summary>
    public static readonly DateTime DefaultEnd = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>In --target-bytes mode the tenant has at least this many users, so days stay a manageable size.</summary>
    public const int TargetModeMinimumUsers = 2000;

    public const string Usage = """
        SignInGenerator: a seeded synthetic Entra ID tenant's sign-ins, in every format EntraStrongAuth reads.

        dotnet run --project tools/SignInGenerator -- --out <dir> [options]

          --seed <n>            randomness seed (default 42); the same seed gives byte-identical files
          --users <n>           users in the tenant (default 60; the persona mix repeats every 60 users)
          --days <n>            days of sign-ins ending at --end (default 7)
          --end <yyyy-MM-dd>    end of the window, exclusive, UTC (default 2026-11-23)
          --out <dir>           output folder (created if missing)
          --formats <list>      comma list of: graph-json, graph-pages, admin-json, admin-csv, la-json, la-csv, diag-archive
                                (default: all), and tenant-auth (never by default): the tenant's authentication methods,
                                registration report, methods policy, groups, strengths and CA policies as Graph JSON
                                in <out>/tenant-auth/; and the thin variants (never by default): graph-v1 (Graph v1.0
                                shape), graph-no-ca (no Conditional Access details), graph-no-auth-details (no
                                authentication details), la-json-no-dynamic (Log Analytics without its dynamic columns)
          --gzip [list]         also write <file>.gz for every format, or only for the listed ones
          --activity <x>        ordinary (successful) activity factor (default 1: a thinned tenant, about a third of
                                sign-ins fail; 8 gives a realistic share of successes; default 8 with --target-bytes)
          --page-size <n>       sign-ins per Graph page in graph-pages (default 1000, Graph's maximum)
          --la-nested           la-json: nest every JSON column (default: only columns typed dynamic, as real exports)
          --target-bytes <n>    benchmark mode: at least 2000 users, keep adding older days until the first format's
                                file reaches n bytes (suffixes K, M, G allowed: 200M, 1G)
          --headless            deal the headless deck: scripts posing as users (cron ROPC, nightly az on an Azure VM,
                                GitHub Actions, IMAP scanner, device code) and the people who look like them (az CLI
                                developer, phone user, shared kiosk, night shift) in ordinary workers' slots, and write
                                headless-truth.csv (isHeadless per user); off by default so the samples stay as they are
          --help                this text

        Always written: truth.csv (true cause of every failure) and personas.json.
        """;

    public int Seed { get; init; } = 42;

    public int Users { get; init; } = 60;

    public int Days { get; init; } = 7;

    public DateTime End { get; init; } = DefaultEnd;

    public string OutputDirectory { get; init; } = "";

    public IReadOnlyList<OutputFormat> Formats { get; init; } = OutputFormat.All;

    public IReadOnlySet<string> Gzip { get; init; } = new HashSet<string>();

    public int PageSize { get; init; } = 1000;

    /// <summary>Null: 1, or <see cref="TargetModeActivity"/> in --target-bytes mode.</summary>
    public double? Activity { get; init; }

    public const double TargetModeActivity = 8;

    public double EffectiveActivity => Activity ?? (TargetBytes is null ? 1 : TargetModeActivity);

    public bool LogAnalyticsNested { get; init; }

    public long? TargetBytes { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>--headless: the headless deck and headless-truth.csv.</summary>
    public bool Headless { get; init; }

    /// <summary>Write the tenant-auth files (not a sign-in format, so it is off unless --formats names it).</summary>
    public bool TenantAuth { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user on bad input.</summary>
    public static GeneratorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GeneratorOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--seed" => options with { Seed = Int(name, Value(), int.MinValue) },
                "--users" => options with { Users = Int(name, Value(), 1) },
                "--days" => options with { Days = Int(name, Value(), 1) },
                "--end" => options with { End = Date(Value()) },
                "--out" => options with { OutputDirectory = Value() },
                "--formats" => WithFormats(options, List(Value())),
                "--gzip" => options with { Gzip = GzipList(args, ref i) },
                "--page-size" => options with { PageSize = Int(name, Value(), 1) },
                "--activity" => options with { Activity = Factor(Value()) },
                "--la-nested" => options with { LogAnalyticsNested = true },
                "--headless" => options with { Headless = true },
                "--target-bytes" => options with { TargetBytes = Bytes(Value()) },
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (!options.ShowHelp && string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("--out is required.");
        }

        return options;
    }

    // tenant-auth is not a sign-in writer: it is pulled out of the list so naming it alone writes no sign-in file.
    private static GeneratorOptions WithFormats(GeneratorOptions options, string[] names)
    {
        bool tenantAuth = names.Any(n => n.Equals(Output.TenantAuthFiles.FormatName, StringComparison.OrdinalIgnoreCase));
        var formats = names.Where(n => !n.Equals(Output.TenantAuthFiles.FormatName, StringComparison.OrdinalIgnoreCase))
            .Select(OutputFormat.Named).Distinct().ToArray();
        return options with { Formats = formats, TenantAuth = tenantAuth || options.TenantAuth };
    }

    public bool Compress(OutputFormat format) => Gzip.Contains("*") || Gzip.Contains(format.Name);

    private static HashSet<string> GzipList(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return List(args[++i]).Select(n => OutputFormat.Named(n).Name).ToHashSet();
        }

        return new HashSet<string> { "*" };
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
            ? n : throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{value}'.");

    private static DateTime Date(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : throw new ArgumentException($"--end takes a date as yyyy-MM-dd, not '{value}'.");

    private static double Factor(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 && x <= 100
            ? x : throw new ArgumentException($"--activity takes a number above 0 and up to 100, not '{value}'.");

    private static long Bytes(string value)
    {
        string digits = value.TrimEnd('B', 'b');
        long unit = 1;
        if (digits.Length > 0 && "KkMmGg".Contains(digits[^1], StringComparison.Ordinal))
        {
            unit = char.ToUpperInvariant(digits[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            digits = digits[..^1];
        }

        return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0
            ? n * unit : throw new ArgumentException($"--target-bytes takes a size such as 1073741824, 200M or 1G, not '{value}'.");
    }
}
