using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Everything the scorer keeps about one account (or account + app): counts, capped top-k tables and a capped time
/// sample, never the sign-ins themselves. Memory per aggregate is bounded by <see cref="TopCounter{T}.Capacity"/> and
/// <see cref="TimestampSample.Capacity"/> whatever the number of sign-ins.
/// </summary>
internal sealed class SignInAggregate
{
    /// <summary>The per-app key of sign-ins that name no client app.</summary>
    public const string UnknownApp = "(unknown app)";

    public SignInAggregate(string user, int environments)
    {
        User = user;
        EnvironmentHits = new long[environments];
        EnvironmentFacts = new string?[environments];
    }

    public string User { get; }

    public string? UserPrincipalName { get; private set; }

    public string? UserId { get; private set; }

    public string? AppId { get; set; }

    public string? AppDisplayName { get; set; }

    public long Total { get; private set; }

    public long Interactive { get; private set; }

    /// <summary>Sign-ins whose source did not say whether they were interactive (see <see cref="SignInFacts.InteractivityKnown"/>).</summary>
    public long InteractivityUnknown { get; private set; }

    public long PersonInteractive { get; private set; }

    public long MfaInteractive { get; private set; }

    public long BrowserInteractive { get; private set; }

    public long Ropc { get; private set; }

    public long DeviceCode { get; private set; }

    public long Legacy { get; private set; }

    public long AutomationApp { get; private set; }

    public long ScriptingAgent { get; private set; }

    public long NoDevice { get; private set; }

    public long StrongAuthFailures { get; private set; }

    public DateTimeOffset LastStrongAuthFailure { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastSuccess { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset FirstSeen { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

    public TopCounter<string> Ips { get; } = new(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);

    public TopCounter<long> Asns { get; } = new();

    public TopCounter<string> Apps { get; } = new(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);

    public TopCounter<string> Resources { get; } = new(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);

    public TopCounter<string> Agents { get; } = new(StringComparer.Ordinal, StringComparer.Ordinal);

    public TopCounter<string> LegacyClients { get; } = new(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);

    public long[] Hours { get; } = new long[24];

    public TimestampSample Times { get; } = new();

    /// <summary>
    /// The run starts (ascending Unix seconds) of the newest <see cref="TimestampSample.Capacity"/> distinct seconds,
    /// worked out in the workspace; null when sign-ins were added one at a time. <see cref="Cadence.Find"/> gives the
    /// same schedule from these as from the sample: every start is more than <see cref="Cadence.RunGapSeconds"/> after
    /// the time before it, so no two starts collapse again.
    /// </summary>
    public IReadOnlyList<long>? RunStarts { get; set; }

    /// <summary>Per <see cref="HeadlessData.Environments"/> entry: matching sign-ins, and the first fact that matched.</summary>
    public long[] EnvironmentHits { get; }

    public string?[] EnvironmentFacts { get; }

    public long NonInteractive => Total - Interactive;

    /// <summary>
    /// Adds a group of alike sign-ins (one sign-in is a group of one). The top-k tables end as if its sign-ins had been
    /// added one at a time provided groups arrive in order of <see cref="HeadlessGroup.First"/> (see
    /// <see cref="HeadlessScorer.AddGroups"/>). The time sample is not touched: one sign-in adds its time itself, a
    /// workspace gives the run starts (<see cref="RunStarts"/>).
    /// </summary>
    public void Add(HeadlessGroup g, in SignInFacts facts, HeadlessData data)
    {
        var n = g.SignIns;
        Total += n;
        UserPrincipalName ??= g.UserPrincipalName;
        UserId ??= g.UserId;
        Interactive += facts.IsInteractive ? n : 0;
        InteractivityUnknown += facts.InteractivityKnown ? 0 : n;
        PersonInteractive += facts.IsPersonInteractive ? n : 0;
        MfaInteractive += facts.IsMfaInteractive ? n : 0;
        BrowserInteractive += facts.IsBrowserInteractive ? n : 0;
        Ropc += facts.IsRopc ? n : 0;
        DeviceCode += facts.IsDeviceCode ? n : 0;
        Legacy += facts.IsLegacy ? n : 0;
        AutomationApp += facts.IsAutomationApp ? n : 0;
        NoDevice += facts.HasDevice ? 0 : n;
        if (facts.ScriptingAgent is { } agent)
        {
            ScriptingAgent += n;
            Agents.Add(agent, n);
        }

        if (facts.IsLegacy)
        {
            LegacyClients.Add(g.ClientAppUsed!.Trim(), n);
        }

        if (facts.IsStrongAuthFailure)
        {
            StrongAuthFailures += n;
            LastStrongAuthFailure = Max(LastStrongAuthFailure, g.Last);
        }
        else if (g.IsSuccess)
        {
            LastSuccess = Max(LastSuccess, g.Last);
        }

        FirstSeen = g.First < FirstSeen ? g.First : FirstSeen;
        LastSeen = Max(LastSeen, g.Last);

        // Only whether an hour was active is ever read, so a group marks its hours once.
        foreach (var hour in g.Hours)
        {
            Hours[hour] += g.Hours.Count == 1 ? n : 1;
        }

        Count(Ips, g.IpAddress, n);
        if (g.AutonomousSystemNumber is { } asn)
        {
            Asns.Add(asn, n);
        }

        Count(Apps, g.AppDisplayName ?? g.AppId, n);
        Count(Resources, g.ResourceDisplayName ?? g.ResourceId, n);
        for (int i = 0; i < EnvironmentHits.Length; i++)
        {
            if (data.Environments[i].Match(g.AutonomousSystemNumber, g.UserAgent) is { } fact)
            {
                EnvironmentHits[i] += n;
                EnvironmentFacts[i] ??= fact;
            }
        }
    }

    /// <summary>The times cadence is found in: the workspace's run starts when given, else the sample of sign-in times.</summary>
    public IEnumerable<long> CadenceSeconds() => RunStarts ?? Times.Ascending();

    public double ShareOf(long count) => Total == 0 ? 0 : (double)count / Total;

    private static void Count(TopCounter<string> counter, string? value, long n)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            counter.Add(value!.Trim(), n);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
