using System;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>The --workspace-id and --la-* options of the simulator's command line (see SimulatorCommandLine.Usage).</summary>
internal static class LogAnalyticsCommandLine
{
    public static LogAnalyticsOptions Apply(LogAnalyticsOptions options, string name, string value) => name switch
    {
        "--workspace-id" => options with { WorkspaceId = Guid.TryParse(value, out var id) ? id.ToString() : throw new ArgumentException($"{name} takes a GUID, not '{value}'.") },
        "--la-missing-tables" => options with { MissingTables = List(value) },
        "--la-drop-columns" => options with { DroppedColumns = List(value) },
        "--la-row-cap" => options with { RowCap = (int)Number(name, value, 1, int.MaxValue) },
        "--la-byte-cap" => options with { ByteCap = Number(name, value, 1, long.MaxValue) },
        "--la-throttle" => Throttle(options, value),
        "--la-no-retry-after" => options with { OmitRetryAfter = true },
        "--la-preload" => options with { Preload = true },
        "--la-concurrency" => options with { MaxConcurrent = (int)Number(name, value, 1, 1000) },
        "--la-cost-per-row-us" => options with { CostPerRow = TimeSpan.FromMicroseconds(Number(name, value, 0, 60_000_000)) },
        _ => throw new ArgumentException($"Unknown option '{name}'."),
    };

    private static System.Collections.Generic.HashSet<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static LogAnalyticsOptions Throttle(LogAnalyticsOptions options, string value)
    {
        if (value == "0")
        {
            return options with { ThrottleRequests = 0 };
        }

        string[] parts = value.Split('/');
        return parts.Length == 2
            ? options with { ThrottleRequests = (int)Number("--la-throttle", parts[0], 0, int.MaxValue), ThrottleWindow = SimulatorCommandLine.Duration("--la-throttle", parts[1]) }
            : throw new ArgumentException($"--la-throttle takes <queries>/<window>, e.g. 200/30s, not '{value}'.");
    }

    private static long Number(string name, string value, long minimum, long maximum) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n >= minimum && n <= maximum
            ? n : throw new ArgumentException($"{name} takes a whole number from {minimum} to {maximum}, not '{value}'.");
}
