using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// Find-HeadlessUserSignIn's first live phase: the <c>$filter</c> clauses that find candidate accounts without
/// downloading the tenant. Only signals Graph can filter are pushed down (docs/DESIGN.md §6, signIns $filter): appId eq,
/// status/errorCode eq, and userAgent eq / startswith. A "contains" user-agent pattern and authenticationProtocol
/// (ROPC, device code) cannot be filtered on signIns, so those signals are scored only in the second phase, on the
/// full history of accounts found by the others.
/// </summary>
public sealed class HeadlessCandidateFilter
{
    /// <summary>
    /// Codes a script cannot get past: step-up and enrollment required (50074, 50076, 50072, 50079, 50125), external
    /// MFA not satisfied (50158), an MFA attempt failed (500121), and loop detection (50196: a client retrying).
    /// </summary>
    public static IReadOnlyList<int> StrongAuthCodes { get; } = new[] { 50072, 50074, 50076, 50079, 50125, 50158, 50196, 500121 };

    private HeadlessCandidateFilter(IReadOnlyList<string> clauses, IReadOnlyList<AutomationApp> apps, IReadOnlyList<UserAgentPattern> pushed, IReadOnlyList<UserAgentPattern> notPushed)
    {
        Clauses = clauses;
        Apps = apps;
        PushedUserAgents = pushed;
        NotPushedUserAgents = notPushed;
    }

    /// <summary>
    /// One raw clause per request group (for <see cref="SignInQuery.RawFilter"/>): apps and codes in one, user agents in
    /// another, so that no single URL carries every term.
    /// </summary>
    public IReadOnlyList<string> Clauses { get; }

    /// <summary>The unattended automation apps asked for by appId.</summary>
    public IReadOnlyList<AutomationApp> Apps { get; }

    /// <summary>User-agent patterns sent to Graph (prefix as startswith, exact as eq).</summary>
    public IReadOnlyList<UserAgentPattern> PushedUserAgents { get; }

    /// <summary>"contains" patterns Graph cannot filter on: they still score, but do not find candidates.</summary>
    public IReadOnlyList<UserAgentPattern> NotPushedUserAgents { get; }

    public static HeadlessCandidateFilter Build(ClassificationData data)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        var apps = data.AutomationApps.Where(a => a.Unattended).ToArray();
        var pushed = data.ScriptingUserAgents.Where(p => p.Match != UserAgentMatch.Contains && p.Value.Length > 0).ToArray();
        var notPushed = data.ScriptingUserAgents.Except(pushed).ToArray();

        var appOrCode = apps.Select(a => "appId eq " + ODataFilter.Quote(a.AppId))
            .Concat(StrongAuthCodes.Select(code => "status/errorCode eq " + ODataFilter.Number(code)));
        var agents = pushed.Select(p => p.Match == UserAgentMatch.Prefix
            ? "startswith(userAgent, " + ODataFilter.Quote(p.Value) + ")"
            : "userAgent eq " + ODataFilter.Quote(p.Value));
        var clauses = new[] { Or(appOrCode), Or(agents) }.Where(c => c.Length > 0).ToArray();
        return new HeadlessCandidateFilter(clauses, apps, pushed, notPushed);
    }

    // SignInFilterBuilder parenthesizes a raw clause, so its "or" cannot widen the time range or event type.
    private static string Or(IEnumerable<string> terms) => string.Join(" or ", terms);
}
