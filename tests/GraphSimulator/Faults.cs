using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>What can go wrong with one request.</summary>
public enum FaultKind
{
    /// <summary>503 with <c>Retry-After</c> (see <see cref="FaultRule.RetryAfter"/>, default 2 s).</summary>
    ServiceUnavailable,

    /// <summary>503 without <c>Retry-After</c> (the client must back off on its own).</summary>
    ServiceUnavailableNoRetryAfter,

    /// <summary>500 InternalServerError.</summary>
    InternalServerError,

    /// <summary>504 GatewayTimeout (what a long signIns query often ends in).</summary>
    GatewayTimeout,

    /// <summary>429 regardless of the throttle state, with <c>Retry-After</c>.</summary>
    Throttled,

    /// <summary>The connection is reset before any response byte: the client's SendAsync fails.</summary>
    DropConnection,

    /// <summary>Status, headers (with the full Content-Length) and a third of the body, then the connection is reset.</summary>
    DropMidBody,

    /// <summary>A 200 whose body is the first half of the page's JSON, ended cleanly: the HTTP layer sees a complete response, the JSON is cut.</summary>
    TruncatedBody,

    /// <summary>The request's <c>$skiptoken</c> is treated as expired (400 Directory_ExpiredPageToken); a first page is not affected.</summary>
    ExpiredSkipToken,

    /// <summary>401 InvalidAuthenticationToken (expired or revoked token).</summary>
    Unauthorized,

    /// <summary>403 Authentication_RequestFromNonPremiumTenantOrB2CTenant (no Entra ID P1/P2).</summary>
    NonPremiumTenant,

    /// <summary>403 Authentication_RequestFromUnsupportedUserRole (delegated caller without a reports-reading role).</summary>
    UnsupportedUserRole,

    /// <summary>403 Authorization_RequestDenied "Insufficient privileges to complete the operation." (missing AuditLog.Read.All).</summary>
    MissingScope,

    /// <summary>A normal 200 page, with appliedConditionalAccessPolicies null as without Policy.Read.All.</summary>
    HideConditionalAccess,
}

/// <summary>A request as fault predicates see it (no token, ever).</summary>
public sealed record SimRequest(string Method, string Path, string Query, string? Filter, bool HasSkipToken, string? AppKey)
{
    /// <summary>A signIns list request (beta or v1.0).</summary>
    public bool IsSignIns => Endpoint == SimEndpoint.SignIns;

    /// <summary>A Log Analytics query (POST /v1/workspaces/{id}/query): <c>Faults.Next(FaultKind.ServiceUnavailable, r =&gt; r.IsLogAnalyticsQuery)</c>.</summary>
    public bool IsLogAnalyticsQuery => Endpoint == SimEndpoint.LogAnalyticsQuery;

    /// <summary>Which API the request is for, so a rule can target one (<c>r =&gt; r.Endpoint == SimEndpoint.AuthenticationMethods</c>).</summary>
    public SimEndpoint Endpoint => SimEndpoints.Classify(Path, out _);

    /// <summary>The request came inside a POST /$batch (its Path is the inner URL with the batch's version prefix).</summary>
    public bool InBatch { get; init; }
}

/// <summary>One scripted fault: applied to matching requests after <see cref="Skip"/> matches, <see cref="Times"/> times.</summary>
public sealed class FaultRule
{
    public FaultRule(FaultKind kind, Func<SimRequest, bool>? when = null, int skip = 0, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        Kind = kind;
        // An expired skip token can only happen to a continuation page, so by default that rule waits for one.
        When = when ?? (kind == FaultKind.ExpiredSkipToken ? static r => r.IsSignIns && r.HasSkipToken : static r => r.IsSignIns);
        Skip = skip;
        Times = times;
    }

    public FaultKind Kind { get; }

    /// <summary>Which requests count (default: signIns requests; for ExpiredSkipToken, signIns requests with a $skiptoken).</summary>
    public Func<SimRequest, bool> When { get; }

    /// <summary>Matching requests let through before the fault applies.</summary>
    public int Skip { get; private set; }

    /// <summary>How many matching requests get the fault (then the rule is spent).</summary>
    public int Times { get; private set; }

    /// <summary>Retry-After on 503/429 faults (unscaled Graph time; default 2 s).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many times it has fired.</summary>
    public int Fired { get; private set; }

    public bool Spent => Times == 0;

    /// <summary>Called under the queue's lock for a matching request: counts it against <see cref="Skip"/>; true when the rule is due.</summary>
    internal bool Count()
    {
        if (Skip > 0)
        {
            Skip--;
            return false;
        }

        return true;
    }

    internal void Fire()
    {
        Times--;
        Fired++;
    }
}

/// <summary>
/// The scripted fault queue. Rules are tried in the order added; a request gets the first rule that applies to it.
/// Counting starts when a rule is added: <c>OnNth(3, …)</c> faults the third matching request from then on.
/// </summary>
public sealed class FaultScript
{
    private readonly object gate = new();
    private readonly List<FaultRule> rules = new();

    /// <summary>Adds a rule and returns it (its <see cref="FaultRule.Fired"/> count can be checked later).</summary>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            rules.Add(rule);
        }

        return rule;
    }

    /// <summary>The next matching request (default: the next signIns request) gets <paramref name="kind"/>.</summary>
    public FaultRule Next(FaultKind kind, Func<SimRequest, bool>? when = null, TimeSpan? retryAfter = null) =>
        Add(new FaultRule(kind, when) { RetryAfter = retryAfter });

    /// <summary>The <paramref name="n"/>-th matching request from now (1-based) gets <paramref name="kind"/>.</summary>
    public FaultRule OnNth(int n, FaultKind kind, Func<SimRequest, bool>? when = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return Add(new FaultRule(kind, when, skip: n - 1) { RetryAfter = retryAfter });
    }

    /// <summary>The next <paramref name="times"/> matching requests all get <paramref name="kind"/>.</summary>
    public FaultRule NextTimes(int times, FaultKind kind, Func<SimRequest, bool>? when = null, TimeSpan? retryAfter = null) =>
        Add(new FaultRule(kind, when, times: times) { RetryAfter = retryAfter });

    /// <summary>Rules not yet spent.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return rules.Count(r => !r.Spent);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    internal FaultRule? Take(SimRequest request)
    {
        lock (gate)
        {
            FaultRule? hit = null;
            foreach (var rule in rules)
            {
                if (rule.Spent || !rule.When(request))
                {
                    continue;
                }

                // Every matching rule counts the request, so "the 3rd signIns request" means the same thing however
                // many other rules are queued. Only one fault applies per request; a rule that is due while another
                // one fires stays due for the next matching request.
                if (rule.Count() && hit is null)
                {
                    rule.Fire();
                    hit = rule;
                }
            }

            rules.RemoveAll(r => r.Spent);
            return hit;
        }
    }
}

/// <summary>Seeded random faults (thread-safe).</summary>
internal sealed class RandomFaults
{
    private readonly RandomFaultOptions options;
    private readonly Random random;
    private readonly (FaultKind Kind, double Rate)[] rates;

    public RandomFaults(RandomFaultOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
        rates = options.Rates.Where(r => r.Value > 0).OrderBy(r => r.Key).Select(r => (r.Key, r.Value)).ToArray();
    }

    public FaultKind? Draw(SimRequest request)
    {
        bool targeted = options.Endpoints is { } endpoints ? endpoints.Contains(request.Endpoint) : request.IsSignIns;
        if (rates.Length == 0 || !targeted || (options.OnlyContinuationPages && !request.HasSkipToken))
        {
            return null;
        }

        lock (random)
        {
            foreach (var (kind, rate) in rates)
            {
                if (random.NextDouble() < rate)
                {
                    return kind;
                }
            }
        }

        return null;
    }
}
