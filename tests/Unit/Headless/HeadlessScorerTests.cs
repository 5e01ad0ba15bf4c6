using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Headless.HeadlessSignIns;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Whole accounts: scripts score high, the hard negatives low; scores clamp, sort, filter and split by app.</summary>
public sealed class HeadlessScorerTests
{
    private const string AzureCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private const string CliAgent = "azure-cli/2.67.0 python/3.12.7 (Windows-11-10.0.26100-SP0)";

    [Fact]
    public void A_cron_ropc_script_scores_100_with_its_evidence_strongest_first()
    {
        var finding = Only(Every(TimeSpan.FromMinutes(5), 2000).Select(t => Script(t)));
        Assert.Equal(100, finding.Score);
        Assert.Equal(HeadlessSignalKeys.Ropc, finding.Evidence[0].Signal);
        Assert.True(finding.Evidence.Select(e => Math.Abs(e.Points)).SequenceEqual(finding.Evidence.Select(e => Math.Abs(e.Points)).OrderByDescending(p => p)));
        Assert.Equal(2000, finding.SignIns);
        Assert.Equal(new[] { "203.0.113.10" }, finding.IpAddresses);
    }

    [Fact]
    public void A_person_running_azure_cli_every_morning_with_mfa_then_silent_refreshes_is_not_headless_per_user_or_per_app()
    {
        var signIns = new List<SignInEvent>();
        for (int day = 0; day < 10; day++)
        {
            var morning = Start.AddDays(day).AddHours(8.5);
            signIns.Add(Person(morning, e => { e.AppId = AzureCli; e.AppDisplayName = "Microsoft Azure CLI"; }));
            for (int i = 1; i <= 6; i++)
            {
                signIns.Add(Person(morning.AddMinutes(i * 50), e =>
                {
                    e.AppId = AzureCli;
                    e.AppDisplayName = "Microsoft Azure CLI";
                    e.UserAgent = CliAgent;
                    e.IsInteractive = false;
                    e.ClientAppUsed = "Mobile Apps and Desktop clients";
                }));
            }
        }

        var scorer = Scorer(signIns, perApp: true);
        var findings = scorer.Findings();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.True(f.Score < 50, f + ": " + string.Join("; ", f.Evidence)));
        Assert.All(findings, f => Assert.True(f.Signal(HeadlessSignalKeys.InteractiveMfa)?.Points < 0, f + " has no MFA evidence against it"));
        Assert.NotNull(Assert.Single(findings, f => f.AppId == AzureCli).Signal(HeadlessSignalKeys.ScriptingUserAgent));
    }

    [Fact]
    public void A_phone_user_with_many_silent_refreshes_and_no_interactive_sign_in_is_not_headless()
    {
        var random = new Random(3);
        var signIns = new List<SignInEvent>();
        for (int day = 0; day < 14; day++)
        {
            for (double hour = 7; hour < 23; hour += random.Next(40, 101) / 60.0)
            {
                var mobile = random.NextDouble() < 0.5;
                signIns.Add(Person(Start.AddDays(day).AddHours(hour), e =>
                {
                    e.IsInteractive = false;
                    e.AuthenticationProtocol = "none";
                    e.UserAgent = "Outlook-iOS/2.0";
                    e.ClientAppUsed = "Mobile Apps and Desktop clients";
                    e.DeviceId = null;
                    e.AutonomousSystemNumber = mobile ? 25135 : 5089;
                    e.IpAddress = mobile ? "2001:db8:e0:" + random.Next(100) + "::1" : "198.51.100.7";
                }));
            }
        }

        var finding = Only(signIns);
        Assert.NotNull(finding.Signal(HeadlessSignalKeys.NoInteractive));
        Assert.True(finding.Score < 50, finding.Score + ": " + string.Join("; ", finding.Evidence));
    }

    [Fact]
    public void A_shared_kiosk_used_interactively_at_all_hours_from_one_address_is_not_headless_and_clamps_at_zero()
    {
        var signIns = Every(TimeSpan.FromMinutes(47), 400).Select(t => Person(t, e => e.AuthenticationRequirement = "singleFactorAuthentication"));
        var finding = Only(signIns);
        Assert.NotNull(finding.Signal(HeadlessSignalKeys.AllHours));
        Assert.NotNull(finding.Signal(HeadlessSignalKeys.SingleSource));
        Assert.True(finding.Score < 50, finding.Score + ": " + string.Join("; ", finding.Evidence));
        Assert.True(finding.Evidence.Sum(e => e.Points) < 0 ? finding.Score == 0 : finding.Score >= 0);
    }

    [Fact]
    public void A_night_shift_worker_is_not_headless()
    {
        var signIns = Enumerable.Range(0, 10).SelectMany(d => new[] { 21.5, 23.0, 0.5, 2.0, 4.5 }.Select(h => Person(Start.AddDays(d).AddHours(h))));
        Assert.True(Only(signIns).Score < 50);
    }

    [Fact]
    public void Findings_are_filtered_by_minimum_score_sorted_by_score_and_split_by_app_when_asked()
    {
        var script = Every(TimeSpan.FromHours(1), 48).Select(t => Script(t));
        var person = new[] { Person(Start), Person(Start.AddHours(2)) };
        var all = Scorer(script.Concat(person), perApp: true, minimumScore: 0).Findings();
        Assert.Equal(all.OrderByDescending(f => f.Score).Select(f => f.Score), all.Select(f => f.Score));
        Assert.Contains(all, f => f.AppId == "5b0f3c1e-7d2a-4e6b-9a41-2c8d0e7f1a35" && f.AppDisplayName == "Contoso Inventory Sync");
        var flagged = Scorer(script.Concat(person), minimumScore: 50).Findings();
        Assert.Equal("svc-job@contoso.com", Assert.Single(flagged).User);
    }

    [Fact]
    public void Sign_ins_outside_the_window_are_not_counted()
    {
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0, WindowStart = Start.AddHours(10), WindowEnd = Start.AddHours(20) });
        foreach (var t in Every(TimeSpan.FromHours(1), 30))
        {
            scorer.Add(Script(t));
        }

        Assert.Equal(10, Assert.Single(scorer.Findings()).SignIns);
    }

    [Fact]
    public void Memory_stays_bounded_however_many_sign_ins_and_distinct_values_arrive()
    {
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { PerApp = true });
        for (int i = 0; i < 50_000; i++)
        {
            scorer.Add(Script(Start.AddSeconds(i * 37), e =>
            {
                e.IpAddress = "10.0." + (i / 256 % 256) + "." + (i % 256);
                e.AutonomousSystemNumber = i;
                e.ResourceDisplayName = "resource " + i;
            }));
        }

        var aggregates = scorer.Aggregates.ToList();
        Assert.Equal(2, aggregates.Count);
        Assert.All(aggregates, a =>
        {
            Assert.Equal(50_000, a.Total);
            Assert.Equal(TimestampSample.Capacity, a.Times.Count);
            Assert.Equal(TopCounter<string>.Capacity + 1, a.Ips.Distinct);
            Assert.Equal(50_000 - TopCounter<string>.Capacity, a.Ips.Others);
            Assert.True(a.Resources.Ranked().Count <= TopCounter<string>.Capacity);
            Assert.True(a.Asns.Ranked().Count <= TopCounter<long>.Capacity);
        });
        Assert.True(scorer.Findings()[0].IpAddresses.Count <= 5);
    }

    [Fact]
    public void The_time_sample_keeps_the_newest_sign_ins_whatever_the_order_they_arrive_in()
    {
        var sample = new TimestampSample();
        foreach (var t in Every(TimeSpan.FromMinutes(1), TimestampSample.Capacity + 500).Reverse())
        {
            sample.Add(t);
        }

        Assert.Equal(TimestampSample.Capacity, sample.Count);
        Assert.Equal((Start + TimeSpan.FromMinutes(500)).ToUnixTimeSeconds(), sample.Ascending().First());
    }
}
