using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>The simulator's command line.</summary>
public static class SimulatorCommandLine
{
    public const string Usage = """
        GraphSimulator: a Microsoft Graph sign-in log and authentication-methods simulator on 127.0.0.1.

        dotnet GraphSimulator.dll [options]

          --signins <file>          serve a Graph JSON file (array, page, or NDJSON of pages/objects) instead of the generator
          --seed <n> --users <n> --days <n> [--end yyyy-MM-dd] [--activity x]
                                    generate the tenant in-process (defaults 42, 60, 7; same as tools/SignInGenerator)
          --port <n>                port (default 0: a free one)
          --https                   serve HTTPS with a throwaway self-signed certificate
          --latency-ms <n>          latency per signIns page (default 0)
          --latency-per-record-us <n>  extra latency per record on a page, microseconds (default 0)
          --directory-latency-ms <n>  latency per directory answer (methods, report page, policies; a $batch once; default 0)
          --throttle <n>/<t>        per-app limit, e.g. 5/10s (default), 0 turns throttling off
          --count-throttled <bool>  429s cost a token too (default true)
          --time-scale <x>          multiply every simulated duration (0.1 = ten times faster)
          --retry-after fractional  write Retry-After with fractions of a second (default whole seconds)
          --skiptoken-lifetime <t>  how long a skip token lives, e.g. 300s, 5m (default 5m)
          --faults <kind=rate,...>  random faults per signIns request, e.g. ServiceUnavailable=0.05,DropMidBody=0.01
          --fault-seed <n>          seed of the random faults (default 1)
          --faults-after-first      random faults only on continuation pages
          --fault-endpoints <list>  endpoints random faults hit (default SignIns), e.g. SignIns,AuthenticationMethods
          --deny <list>             endpoints answered 403 Authorization_RequestDenied, e.g. AuthenticationMethodsPolicy
                                    (a token without Policy.Read.All); names: the SimEndpoint values
          --ca <visible|null|empty> appliedConditionalAccessPolicies as stored, null, or [] (as without Policy.Read.All)
          --token <t>               accept only this bearer token (repeatable; default: any)
          --tenant-id <id>          tenant id served

        Log Analytics query API (POST /v1/workspaces/<id>/query on the same host; --latency-ms is per query too):
          --workspace-id <guid>     the workspace id answered (default 5d3c1a7e-2b9f-4c6d-8e0a-1f4b7c9d2e60)
          --la-preload              build the workspace tables before listening (default: on the first query)
          --la-missing-tables <list>  tables the workspace lacks, e.g. AADNonInteractiveUserSignInLogs
          --la-drop-columns <list>  columns no table has, e.g. SessionId,IncomingTokenType
          --la-row-cap <n>          rows per answer before a PartialError (default 500000)
          --la-byte-cap <n>         bytes per answer before a PartialError (default 64000000)
          --la-throttle <n>/<t>     queries per user per window (default 200/30s), 0 turns it off
          --la-no-retry-after       send 429 without Retry-After
          --la-concurrency <n>      queries running at once per user (default 5; more queue, 200 at most)
          --la-cost-per-row-us <n>  simulated engine time per stored row read, microseconds (default 0); beyond
                                    Prefer: wait (default 180 s, max 600 s) the answer is 504
          --help                    this text

        Prints "Listening on http://127.0.0.1:NNNNN" on stdout; stops when stdin closes or on SIGTERM / Ctrl+C.
        """;

    /// <summary>Parses the arguments; null for --help. Throws <see cref="ArgumentException"/> on bad input.</summary>
    public static GraphSimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new GraphSimulatorOptions();
        var data = new SimDataSource();
        var faults = new RandomFaultOptions();
        var tokens = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--signins":
                    data = data with { SignInsFile = Value() };
                    break;
                case "--seed":
                    data = data with { Seed = Int(name, Value(), int.MinValue) };
                    break;
                case "--users":
                    data = data with { Users = Int(name, Value(), 1) };
                    break;
                case "--days":
                    data = data with { Days = Int(name, Value(), 1) };
                    break;
                case "--end":
                    data = data with { End = DateTime.SpecifyKind(DateTime.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc) };
                    break;
                case "--activity":
                    data = data with { Activity = Double(name, Value()) };
                    break;
                case "--port":
                    options = options with { Port = Int(name, Value(), 0) };
                    break;
                case "--https":
                    options = options with { UseHttps = true };
                    break;
                case "--latency-ms":
                    options = options with { PageLatency = TimeSpan.FromMilliseconds(Int(name, Value(), 0)) };
                    break;
                case "--latency-per-record-us":
                    options = options with { LatencyPerRecord = TimeSpan.FromMicroseconds(Int(name, Value(), 0)) };
                    break;
                case "--directory-latency-ms":
                    options = options with { DirectoryLatency = TimeSpan.FromMilliseconds(Int(name, Value(), 0)) };
                    break;
                case "--throttle":
                    options = Throttle(options, Value());
                    break;
                case "--count-throttled":
                    options = options with { CountThrottledRequests = bool.Parse(Value()) };
                    break;
                case "--time-scale":
                    options = options with { TimeScale = Double(name, Value()) };
                    break;
                case "--retry-after":
                    options = options with { RetryAfterFormat = Value() == "fractional" ? RetryAfterFormat.Fractional : RetryAfterFormat.WholeSeconds };
                    break;
                case "--skiptoken-lifetime":
                    options = options with { SkipTokenLifetime = Duration(name, Value()) };
                    break;
                case "--faults":
                    faults = faults with { Rates = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Rate).ToDictionary(r => r.Kind, r => r.Rate) };
                    break;
                case "--fault-seed":
                    faults = faults with { Seed = Int(name, Value(), int.MinValue) };
                    break;
                case "--faults-after-first":
                    faults = faults with { OnlyContinuationPages = true };
                    break;
                case "--fault-endpoints":
                    faults = faults with { Endpoints = Endpoints(name, Value()) };
                    break;
                case "--deny":
                    options = options with { DeniedEndpoints = Endpoints(name, Value()) };
                    break;
                case "--ca":
                    options = options with { ConditionalAccess = Enum.Parse<ConditionalAccessVisibility>(Value(), ignoreCase: true) };
                    break;
                case "--token":
                    tokens.Add(Value());
                    break;
                case "--tenant-id":
                    options = options with { TenantId = Value() };
                    break;
                case "--workspace-id" or "--la-missing-tables" or "--la-drop-columns" or "--la-row-cap" or "--la-byte-cap" or "--la-throttle"
                    or "--la-no-retry-after" or "--la-concurrency" or "--la-cost-per-row-us" or "--la-preload":
                    options = options with { LogAnalytics = LogAnalytics.LogAnalyticsCommandLine.Apply(options.LogAnalytics, name, name is "--la-no-retry-after" or "--la-preload" ? "" : Value()) };
                    break;
                case "--help" or "-h" or "-?":
                    return null;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        return options with { Data = data, RandomFaults = faults, AcceptedTokens = tokens.Count > 0 ? tokens : null };
    }

    private static GraphSimulatorOptions Throttle(GraphSimulatorOptions options, string value)
    {
        if (value == "0")
        {
            return options with { ThrottleRequests = 0 };
        }

        string[] parts = value.Split('/');
        return parts.Length == 2
            ? options with { ThrottleRequests = Int("--throttle", parts[0], 0), ThrottleWindow = Duration("--throttle", parts[1]) }
            : throw new ArgumentException($"--throttle takes <requests>/<window>, e.g. 5/10s, not '{value}'.");
    }

    private static HashSet<SimEndpoint> Endpoints(string name, string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => Enum.TryParse<SimEndpoint>(e, ignoreCase: true, out var endpoint) && endpoint != SimEndpoint.Unknown
                ? endpoint
                : throw new ArgumentException($"{name} takes endpoint names ({string.Join(", ", Enum.GetNames<SimEndpoint>().Skip(1))}), not '{e}'."))
            .ToHashSet();

    private static (FaultKind Kind, double Rate) Rate(string pair)
    {
        string[] parts = pair.Split('=');
        return parts.Length == 2 && Enum.TryParse<FaultKind>(parts[0], ignoreCase: true, out var kind)
            ? (kind, Double("--faults", parts[1]))
            : throw new ArgumentException($"--faults takes kind=rate pairs with kinds {string.Join(", ", Enum.GetNames<FaultKind>())}; not '{pair}'.");
    }

    internal static TimeSpan Duration(string name, string value)
    {
        (string number, double unit) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 0.001),
            _ when value.EndsWith('s') => (value[..^1], 1),
            _ when value.EndsWith('m') => (value[..^1], 60),
            _ => (value, 1),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= 0
            ? TimeSpan.FromSeconds(x * unit)
            : throw new ArgumentException($"{name} takes a duration such as 10s, 500ms or 5m, not '{value}'.");
    }

    private static int Int(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= minimum
            ? n : throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{value}'.");

    private static double Double(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= 0
            ? x : throw new ArgumentException($"{name} takes a non-negative number, not '{value}'.");
}
