using System;
using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>Where the simulator's sign-ins come from: the seeded generator in-process, or a Graph JSON file.</summary>
public sealed record SimDataSource
{
    /// <summary>Generator seed (the same seed gives the same tenant as <c>tools/SignInGenerator --seed</c>).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Users in the generated tenant (the persona mix repeats every 60).</summary>
    public int Users { get; init; } = 60;

    /// <summary>Days of sign-ins, ending at <see cref="End"/>.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Window end (exclusive, UTC); null uses the generator's fixed default (2026-11-23).</summary>
    public DateTime? End { get; init; }

    /// <summary>Generator activity factor (1 = a thinned tenant where about a third of sign-ins fail).</summary>
    public double Activity { get; init; } = 1;

    /// <summary>
    /// A file of Graph signIn JSON instead of the generator: a JSON array of signIn objects, a Graph page
    /// (<c>{"value":[…]}</c>), or NDJSON of pages or of signIn objects (what <c>--formats graph-json|graph-pages</c> write).
    /// </summary>
    public string? SignInsFile { get; init; }

    public static SimDataSource Generated(int seed = 42, int users = 60, int days = 7) => new() { Seed = seed, Users = users, Days = days };

    public static SimDataSource FromFile(string path) => new() { SignInsFile = path };
}

/// <summary>What the simulator does with <c>appliedConditionalAccessPolicies</c>.</summary>
public enum ConditionalAccessVisibility
{
    /// <summary>Served as stored (the caller can read CA data: Policy.Read.All or a CA-reading role).</summary>
    Visible,

    /// <summary>
    /// null, as Graph returns when the caller can read sign-ins but not CA data (docs-contrib #8761: "it will return
    /// null for this field"; signin-list "Viewing applied conditional access (CA) policies in sign-ins").
    /// </summary>
    Null,

    /// <summary>An empty array: the other shape clients have reported; for testing that both are handled.</summary>
    Empty,
}

/// <summary>How <c>Retry-After</c> is written.</summary>
public enum RetryAfterFormat
{
    /// <summary>Whole seconds, rounded up, at least 1 (RFC 9110 delay-seconds; what the reports service sends).</summary>
    WholeSeconds,

    /// <summary>Fractional seconds such as <c>0.734</c> (Graph's throttling doc sample shows <c>Retry-After: 2.128</c>); handy with <see cref="GraphSimulatorOptions.TimeScale"/> &lt; 1.</summary>
    Fractional,
}

/// <summary>Options of one simulator instance. Every duration is in unscaled "Graph time"; <see cref="TimeScale"/> shrinks them all.</summary>
public sealed record GraphSimulatorOptions
{
    /// <summary>The data served.</summary>
    public SimDataSource Data { get; init; } = new();

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Multiplies every simulated duration (throttle window, Retry-After, page latency, skip-token lifetime):
    /// 0.1 makes a 10 s throttle window last 1 s of wall time. Default 1.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Throttle: requests allowed per <see cref="ThrottleWindow"/> per app (docs: 5 per 10 s per app per tenant); 0 turns throttling off.</summary>
    public int ThrottleRequests { get; init; } = 5;

    /// <summary>Throttle window (default 10 s).</summary>
    public TimeSpan ThrottleWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Requests rejected with 429 still cost a token (docs: Graph keeps counting requests made while throttled), so a
    /// client that ignores Retry-After stays throttled longer. Default true.
    /// </summary>
    public bool CountThrottledRequests { get; init; } = true;

    /// <summary>How Retry-After is written on 429 and 503.</summary>
    public RetryAfterFormat RetryAfterFormat { get; init; } = RetryAfterFormat.WholeSeconds;

    /// <summary>Latency added to every signIns page before its first byte (scaled by <see cref="TimeScale"/>).</summary>
    public TimeSpan PageLatency { get; init; } = TimeSpan.Zero;

    /// <summary>Extra latency per record on the page (models the service's per-row cost; scaled).</summary>
    public TimeSpan LatencyPerRecord { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Latency before the first byte of every directory answer (methods, registration report, policies, groups; scaled).
    /// Inside a $batch it is charged once for the envelope, not per inner request: Graph may run them in parallel.
    /// </summary>
    public TimeSpan DirectoryLatency { get; init; } = TimeSpan.Zero;

    /// <summary>How long a <c>$skiptoken</c> stays valid after it is issued (scaled). Default 5 minutes.</summary>
    public TimeSpan SkipTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Accepted bearer tokens; null or empty accepts any non-empty token.</summary>
    public IReadOnlyCollection<string>? AcceptedTokens { get; init; }

    /// <summary>How appliedConditionalAccessPolicies is served (default as stored).</summary>
    public ConditionalAccessVisibility ConditionalAccess { get; init; } = ConditionalAccessVisibility.Visible;

    /// <summary>
    /// Evolvable enum members: property name → values Graph added after <c>unknownFutureValue</c>. Without
    /// <c>Prefer: include-unknown-enum-members</c> they are served as <c>unknownFutureValue</c>; the property name matches
    /// at any depth (for example requirementProvider inside authenticationRequirementPolicies).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> EvolvableEnums { get; init; } = DefaultEvolvableEnums;

    /// <summary>Random faults on signIns requests (none by default).</summary>
    public RandomFaultOptions RandomFaults { get; init; } = new();

    /// <summary>Write @odata.nextLink before value (default: after it, as the generator's graph-pages files do).</summary>
    public bool NextLinkBeforeValue { get; init; }

    /// <summary>Send <c>Preference-Applied: include-unknown-enum-members</c> when the preference was honoured (off by default: not confirmed for Graph).</summary>
    public bool EchoPreferenceApplied { get; init; }

    /// <summary>Serve HTTPS with a self-signed certificate made at start (<see cref="GraphSimulatorHost.Certificate"/>); MSAL accepts only https authorities.</summary>
    public bool UseHttps { get; init; }

    /// <summary>Tenant id served by /organization and the token endpoint; null takes the generated tenant's id.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// Endpoints answered with 403 Authorization_RequestDenied on every request (after auth, throttle and faults): a
    /// token without the permission, e.g. <c>{ AuthenticationMethodsPolicy }</c> for an app lacking Policy.Read.All.
    /// </summary>
    public IReadOnlySet<SimEndpoint> DeniedEndpoints { get; init; } = new HashSet<SimEndpoint>();

    /// <summary>The Log Analytics query API served on the same host (workspace id, limits, missing tables and columns).</summary>
    public LogAnalytics.LogAnalyticsOptions LogAnalytics { get; init; } = new();

    /// <summary>Default page size of userRegistrationDetails (Graph does not document it; the maximum $top is the same).</summary>
    public int RegistrationPageSize { get; init; } = 1000;

    /// <summary>Default page size of transitiveMembers (directory default 100; $top up to 999).</summary>
    public int DirectoryPageSize { get; init; } = 100;

    /// <summary>
    /// The evolvable members of the signIn properties (beta signIn resource doc, "Note that you must use the Prefer:
    /// include-unknown-enum-members request header to get the following value(s) in this evolvable enum").
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> DefaultEvolvableEnums =
        new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
        {
            ["tokenIssuerType"] = new[] { "AzureADBackupAuth", "ADFederationServicesMFAAdapter", "NPSExtension" },
            ["incomingTokenType"] = new[] { "remoteDesktopToken", "refreshToken" },
            ["authenticationProtocol"] = new[] { "authenticationTransfer", "nativeAuth" },
            ["requirementProvider"] = new[] { "scopeBasedAuthRequirementPolicy", "authenticationStrengths" },
        };
}

/// <summary>Seeded random fault injection: a probability per kind, drawn independently per signIns request.</summary>
public sealed record RandomFaultOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Probability (0..1) of each fault kind per signIns request. Kinds are tried in enum order; the first hit wins.</summary>
    public IReadOnlyDictionary<FaultKind, double> Rates { get; init; } = new Dictionary<FaultKind, double>();

    /// <summary>Only pages after the first (requests with a $skiptoken) get random faults, so a run always starts.</summary>
    public bool OnlyContinuationPages { get; init; }

    /// <summary>The endpoints random faults are drawn for (null: signIns only, as before the directory endpoints existed).</summary>
    public IReadOnlySet<SimEndpoint>? Endpoints { get; init; }
}
