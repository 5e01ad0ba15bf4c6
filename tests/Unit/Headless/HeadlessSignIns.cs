using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Sign-ins for the headless tests: a script's by default (ROPC, python-requests, one address, no device), changed per test.</summary>
internal static class HeadlessSignIns
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public const string EdgeAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

    public static SignInEvent Script(DateTimeOffset at, Action<SignInEvent>? change = null)
    {
        var e = new SignInEvent
        {
            Id = Guid.NewGuid().ToString(),
            CreatedDateTime = at,
            UserPrincipalName = "svc-job@contoso.com",
            UserId = "11111111-1111-1111-1111-111111111111",
            AppId = "5b0f3c1e-7d2a-4e6b-9a41-2c8d0e7f1a35",
            AppDisplayName = "Contoso Inventory Sync",
            ResourceId = "00000003-0000-0000-c000-000000000000",
            ResourceDisplayName = "Microsoft Graph",
            IpAddress = "203.0.113.10",
            AutonomousSystemNumber = 2856,
            ClientAppUsed = "Mobile Apps and Desktop clients",
            UserAgent = "python-requests/2.32.3",
            IsInteractive = true,
            AuthenticationProtocol = "ropc",
            AuthenticationRequirement = "singleFactorAuthentication",
        };
        change?.Invoke(e);
        return e;
    }

    /// <summary>A person's interactive browser sign-in with MFA answered, from a company laptop.</summary>
    public static SignInEvent Person(DateTimeOffset at, Action<SignInEvent>? change = null) => Script(at, e =>
    {
        e.UserPrincipalName = "ana.lopez@contoso.com";
        e.AppId = "4765445b-32c6-49b0-83e6-1d93765276ca";
        e.AppDisplayName = "OfficeHome";
        e.ClientAppUsed = "Browser";
        e.UserAgent = EdgeAgent;
        e.AuthenticationProtocol = "oAuth2";
        e.AuthenticationRequirement = "multiFactorAuthentication";
        e.DeviceId = "0f6c2a1e-0000-4000-8000-000000000001";
        change?.Invoke(e);
    });

    /// <summary>Times every <paramref name="period"/> from <see cref="Start"/>.</summary>
    public static IEnumerable<DateTimeOffset> Every(TimeSpan period, int count) => Enumerable.Range(0, count).Select(i => Start + TimeSpan.FromTicks(period.Ticks * i));

    public static HeadlessFinding Only(IEnumerable<SignInEvent> signIns, bool perApp = false)
    {
        var scorer = Scorer(signIns, perApp);
        return Xunit.Assert.Single(scorer.Findings(), f => f.AppId is null);
    }

    public static HeadlessScorer Scorer(IEnumerable<SignInEvent> signIns, bool perApp = false, int minimumScore = 0)
    {
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = minimumScore, PerApp = perApp });
        foreach (var e in signIns)
        {
            scorer.Add(e);
        }

        return scorer;
    }

    public static HeadlessEvidence? Signal(this HeadlessFinding finding, string key) => finding.Evidence.SingleOrDefault(e => e.Signal == key);
}
