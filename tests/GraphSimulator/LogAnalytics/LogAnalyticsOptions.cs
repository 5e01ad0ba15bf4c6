using System;
using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>
/// The Log Analytics query API the simulator serves next to Graph (POST /v1/workspaces/{WorkspaceId}/query). Limits
/// default to the real service's (azure-monitor service limits, "Log queries"); durations are unscaled and shrink with
/// <see cref="GraphSimulatorOptions.TimeScale"/> like every other simulated duration.
/// </summary>
public sealed record LogAnalyticsOptions
{
    /// <summary>The workspace id a fresh simulator answers for (any other id gets 404).</summary>
    public const string DefaultWorkspaceId = "5d3c1a7e-2b9f-4c6d-8e0a-1f4b7c9d2e60";

    public string WorkspaceId { get; init; } = DefaultWorkspaceId;

    /// <summary>
    /// Build the workspace tables before the host listens (default: on the first query). Benchmarks that time queries
    /// set it, so the first query does not carry the build (about 25 s per 180,000 sign-ins on 2 cores).
    /// </summary>
    public bool Preload { get; init; }

    /// <summary>Tables the workspace lacks, e.g. AADNonInteractiveUserSignInLogs (a diagnostic-setting category not sent): SEM0100.</summary>
    public IReadOnlySet<string> MissingTables { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Columns no table has (an older schema), e.g. SessionId, IncomingTokenType: SEM0100 when named.</summary>
    public IReadOnlySet<string> DroppedColumns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rows per result before it is cut with a PartialError (the service's 500,000).</summary>
    public int RowCap { get; init; } = 500_000;

    /// <summary>Bytes of the serialized result before it is cut with a PartialError (the service's 64,000,000).</summary>
    public long ByteCap { get; init; } = 64_000_000;

    /// <summary>Queries per <see cref="ThrottleWindow"/> per user (the token's throttle key); 0 turns the limit off.</summary>
    public int ThrottleRequests { get; init; } = 200;

    public TimeSpan ThrottleWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Leave Retry-After off the 429 (the service does not document it; clients must back off on their own).</summary>
    public bool OmitRetryAfter { get; init; }

    /// <summary>Queries running at once per user; more wait in a queue (the service's 5).</summary>
    public int MaxConcurrent { get; init; } = 5;

    /// <summary>Queries waiting per user beyond the running ones; one more gets 429 (the service's 200).</summary>
    public int QueueLength { get; init; } = 200;

    /// <summary>How long a query may wait in the queue before it gets 429 (the service's 3 minutes).</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Simulated engine cost per stored row a query reads; with <see cref="GraphSimulatorOptions.PageLatency"/> (per query)
    /// and <see cref="GraphSimulatorOptions.LatencyPerRecord"/> (per row returned) it makes the query's duration, and a
    /// duration beyond the Prefer: wait gives 504.
    /// </summary>
    public TimeSpan CostPerRow { get; init; } = TimeSpan.Zero;

    /// <summary>The server timeout without Prefer: wait (180 s), and the largest wait honoured (600 s).</summary>
    public TimeSpan DefaultWait { get; init; } = TimeSpan.FromSeconds(180);

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(600);
}
