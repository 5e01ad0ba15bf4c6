using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Everything the scorer keeps about one account (or account + app): counts, capped top-k tables and a capped time
/// sample, never the sign-ins themselves. Memory per aggregate is bounded by <see cref="TopCounter{T}.Capacity"/> and
/// <see cref="TimestampSample.Capacity"/> whatever the number of sign-ins.
/// </summary>
internal sealed class SignInAggregate
{
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

    public TopCounter<string> Ips { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TopCounter<long> Asns { get; } = new();

    public TopCounter<string> Apps { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TopCounter<string> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TopCounter<string> Agents { get; } = new(StringComparer.Ordinal);

    public TopCounter<string> LegacyClients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long[] Hours { get; } = new long[24];

    public TimestampSample Times { get; } = new();

    /// <summary>Per <see cref="HeadlessData.Environments"/> entry: matching sign-ins, and the first fact that matched.</summary>
    public long[] EnvironmentHits { get; }

    public string?[] EnvironmentFacts { get; }

    public long NonInteractive => Total - Interactive;

    public void Add(SignInEvent e, in SignInFacts facts, HeadlessData data)
    {
        Total++;
        UserPrincipalName ??= e.UserPrincipalName;
        UserId ??= e.UserId;
        Interactive += facts.IsInteractive ? 1 : 0;
        InteractivityUnknown += facts.InteractivityKnown ? 0 : 1;
        PersonInteractive += facts.IsPersonInteractive ? 1 : 0;
        MfaInteractive += facts.IsMfaInteractive ? 1 : 0;
        BrowserInteractive += facts.IsBrowserInteractive ? 1 : 0;
        Ropc += facts.IsRopc ? 1 : 0;
        DeviceCode += facts.IsDeviceCode ? 1 : 0;
        Legacy += facts.IsLegacy ? 1 : 0;
        AutomationApp += facts.IsAutomationApp ? 1 : 0;
        NoDevice += facts.HasDevice ? 0 : 1;
        if (facts.ScriptingAgent is { } agent)
        {
            ScriptingAgent++;
            Agents.Add(agent);
        }

        if (facts.IsLegacy)
        {
            LegacyClients.Add(e.ClientAppUsed!.Trim());
        }

        var at = e.CreatedDateTime;
        if (facts.IsStrongAuthFailure)
        {
            StrongAuthFailures++;
            LastStrongAuthFailure = Max(LastStrongAuthFailure, at);
        }
        else if (e.IsSuccess)
        {
            LastSuccess = Max(LastSuccess, at);
        }

        FirstSeen = at < FirstSeen ? at : FirstSeen;
        LastSeen = Max(LastSeen, at);
        Hours[at.UtcDateTime.Hour]++;
        Times.Add(at);
        Count(Ips, e.IpAddress);
        if (e.AutonomousSystemNumber is { } asn)
        {
            Asns.Add(asn);
        }

        Count(Apps, e.AppDisplayName ?? e.AppId);
        Count(Resources, e.ResourceDisplayName ?? e.ResourceId);
        for (int i = 0; i < EnvironmentHits.Length; i++)
        {
            if (data.Environments[i].Match(e.AutonomousSystemNumber, e.UserAgent) is { } fact)
            {
                EnvironmentHits[i]++;
                EnvironmentFacts[i] ??= fact;
            }
        }
    }

    public double ShareOf(long count) => Total == 0 ? 0 : (double)count / Total;

    private static void Count(TopCounter<string> counter, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            counter.Add(value!.Trim());
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
