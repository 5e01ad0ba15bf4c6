using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>One request as the simulator saw and answered it. Never holds a token: only whether one was sent.</summary>
/// <param name="Time">When the request arrived (simulator clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and raw query string as sent.</param>
/// <param name="Filter">The decoded $filter, if any.</param>
/// <param name="Top">The decoded $top, if any.</param>
/// <param name="HasSkipToken">Whether the request carried a $skiptoken (a continuation page).</param>
/// <param name="Prefer">The Prefer header, if any.</param>
/// <param name="HasAuthorization">Whether an Authorization header was present.</param>
/// <param name="AppKey">The throttling key (appid claim, or "hash:…" of the header); null without a token.</param>
/// <param name="Status">Status code sent (for dropped connections: the status that was being sent, or 0 when nothing was).</param>
/// <param name="Fault">The fault injected, if any (scripted or random).</param>
/// <param name="Records">Sign-ins on the page (0 for errors).</param>
/// <param name="RetryAfter">The Retry-After header sent, if any.</param>
/// <param name="Duration">Time from arrival to the end of the response.</param>
public sealed record LoggedRequest(
    DateTimeOffset Time,
    string Method,
    string PathAndQuery,
    string? Filter,
    string? Top,
    bool HasSkipToken,
    string? Prefer,
    bool HasAuthorization,
    string? AppKey,
    int Status,
    FaultKind? Fault,
    int Records,
    string? RetryAfter,
    TimeSpan Duration)
{
    public bool IsSignIns => PathAndQuery.Split('?', 2)[0].EndsWith("/auditLogs/signIns", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which API the request was for (inner batch requests are logged with their own endpoint).</summary>
    public SimEndpoint Endpoint => SimEndpoints.Classify(PathAndQuery.Split('?', 2)[0], out _);

    /// <summary>The request was one of a POST /$batch's inner requests.</summary>
    public bool InBatch { get; init; }

    /// <summary>A Log Analytics query: the KQL text of the body (null for other requests or an unreadable body).</summary>
    public string? Kql { get; init; }

    /// <summary>A Log Analytics query: bytes of the response body sent (0 for errors written by the shared checks).</summary>
    public long Bytes { get; init; }

    /// <summary>A Log Analytics query answered with rows cut at the row or byte cap (200 with a PartialError).</summary>
    public bool Partial { get; init; }

    /// <summary>A Log Analytics query request.</summary>
    public bool IsLogAnalyticsQuery => Endpoint == SimEndpoint.LogAnalyticsQuery;
}

/// <summary>The thread-safe request log (in arrival order of completion).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();

    public void Add(LoggedRequest entry) => entries.Enqueue(entry);

    /// <summary>A snapshot of everything logged so far.</summary>
    public IReadOnlyList<LoggedRequest> Snapshot() => entries.ToArray();

    public int Count => entries.Count;

    /// <summary>signIns requests only.</summary>
    public IReadOnlyList<LoggedRequest> SignIns() => entries.Where(e => e.IsSignIns).ToArray();

    /// <summary>Log Analytics query requests only.</summary>
    public IReadOnlyList<LoggedRequest> LogAnalyticsQueries() => entries.Where(e => e.IsLogAnalyticsQuery).ToArray();

    public int CountStatus(int status) => entries.Count(e => e.Status == status);

    public void Clear() => entries.Clear();
}
