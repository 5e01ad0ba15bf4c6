using System;
using System.Linq;
using EntraStrongAuth.Core.Headless;
using Xunit;
using static EntraStrongAuth.Tests.Headless.HeadlessSignIns;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Each signal fires on its evidence with the data file's points and a concrete detail, and stays quiet without it.</summary>
public sealed class HeadlessSignalTests
{
    private static readonly TimeSpan Irregular = TimeSpan.FromMinutes(37);

    [Fact]
    public void Ropc_fires_on_a_share_of_password_grant_sign_ins_and_not_below_it()
    {
        var ropc = Only(Every(TimeSpan.FromHours(5), 10).Select(t => Script(t)));
        var evidence = ropc.Signal(HeadlessSignalKeys.Ropc);
        Assert.NotNull(evidence);
        Assert.Equal(35, evidence!.Points);
        Assert.Equal("10 of 10 sign-ins used the password grant (ROPC)", evidence.Detail);

        // 1 in 10 is below minShare 0.2.
        var rare = Only(Every(TimeSpan.FromHours(5), 10).Select((t, i) => Script(t, e => e.AuthenticationProtocol = i == 0 ? "ropc" : "oAuth2")));
        Assert.Null(rare.Signal(HeadlessSignalKeys.Ropc));
    }

    [Theory]
    [InlineData("deviceCode", null)]
    [InlineData("oAuth2", "deviceCodeFlow")]
    public void Device_code_fires_on_the_protocol_or_the_transfer_method(string protocol, string? transfer)
    {
        var finding = Only(new[] { Script(Start, e => { e.AuthenticationProtocol = protocol; e.OriginalTransferMethod = transfer; }) });
        Assert.Equal(25, finding.Signal(HeadlessSignalKeys.DeviceCode)?.Points);
        Assert.Null(Only(new[] { Script(Start, e => e.AuthenticationProtocol = "oAuth2") }).Signal(HeadlessSignalKeys.DeviceCode));
    }

    [Fact]
    public void Automation_app_fires_for_unattended_tools_from_the_shared_table_not_for_developer_tools()
    {
        var cli = Only(new[] { Script(Start, e => { e.AppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"; e.AppDisplayName = "Microsoft Azure CLI"; }) });
        Assert.Contains("Microsoft Azure CLI", cli.Signal(HeadlessSignalKeys.AutomationApp)?.Detail);
        var studio = Only(new[] { Script(Start, e => e.AppId = "04f0c124-f2bc-4f59-8241-bf6df9866bbd") });
        Assert.Null(studio.Signal(HeadlessSignalKeys.AutomationApp));
    }

    [Fact]
    public void Scripting_user_agent_fires_on_a_library_agent_not_a_browser()
    {
        Assert.Contains("Python requests", Only(new[] { Script(Start) }).Signal(HeadlessSignalKeys.ScriptingUserAgent)?.Detail);
        Assert.Null(Only(new[] { Script(Start, e => e.UserAgent = EdgeAgent) }).Signal(HeadlessSignalKeys.ScriptingUserAgent));
    }

    [Fact]
    public void Legacy_protocol_fires_on_imap_not_on_modern_clients()
    {
        Assert.Contains("IMAP4", Only(new[] { Script(Start, e => e.ClientAppUsed = "IMAP4") }).Signal(HeadlessSignalKeys.LegacyProtocol)?.Detail);
        Assert.Null(Only(new[] { Script(Start) }).Signal(HeadlessSignalKeys.LegacyProtocol));
    }

    [Fact]
    public void No_interactive_fires_when_only_silent_sign_ins_continue_and_not_after_a_person_signs_in()
    {
        var silent = Every(Irregular, 12).Select(t => Script(t, e => { e.IsInteractive = false; e.AuthenticationProtocol = "none"; })).ToList();
        Assert.Equal(15, Only(silent).Signal(HeadlessSignalKeys.NoInteractive)?.Points);
        var withPerson = silent.Append(Script(Start, e => { e.IsInteractive = true; e.AuthenticationProtocol = "oAuth2"; e.UserAgent = EdgeAgent; }));
        Assert.Null(Only(withPerson).Signal(HeadlessSignalKeys.NoInteractive));
    }

    [Fact]
    public void Cadence_fires_for_a_jittered_five_minute_job_with_missed_runs_and_not_for_random_times()
    {
        var random = new Random(5);
        var job = Every(TimeSpan.FromMinutes(5), 300).Where(_ => random.NextDouble() > 0.1)
            .Select(t => Script(t.AddSeconds(random.Next(-20, 21)))).ToList();
        var evidence = Only(job).Signal(HeadlessSignalKeys.Cadence);
        Assert.NotNull(evidence);
        Assert.StartsWith("every 5 min", evidence!.Detail);

        var person = Enumerable.Range(0, 60).Select(i => Script(Start.AddMinutes(random.Next(0, 14 * 24 * 60))));
        Assert.Null(Only(person).Signal(HeadlessSignalKeys.Cadence));
    }

    [Fact]
    public void Single_source_fires_on_one_address_or_one_network_and_not_for_a_person_moving_about()
    {
        Assert.Contains("203.0.113.10", Only(Every(Irregular, 12).Select(t => Script(t))).Signal(HeadlessSignalKeys.SingleSource)?.Detail);
        var runners = Every(Irregular, 12).Select((t, i) => Script(t, e => { e.IpAddress = "2001:db8:6e1:" + i + "::1"; e.AutonomousSystemNumber = 36459; }));
        Assert.Contains("AS36459", Only(runners).Signal(HeadlessSignalKeys.SingleSource)?.Detail);
        var moving = Every(Irregular, 12).Select((t, i) => Script(t, e => { e.IpAddress = "198.51.100." + i; e.AutonomousSystemNumber = 5089 + (i % 3); }));
        Assert.Null(Only(moving).Signal(HeadlessSignalKeys.SingleSource));
    }

    [Fact]
    public void No_device_fires_without_device_ids_and_not_with_them()
    {
        Assert.Equal(5, Only(new[] { Script(Start) }).Signal(HeadlessSignalKeys.NoDevice)?.Points);
        Assert.Null(Only(new[] { Script(Start, e => e.DeviceId = "d1") }).Signal(HeadlessSignalKeys.NoDevice));
    }

    [Fact]
    public void All_hours_fires_for_activity_round_the_clock_and_not_for_office_hours()
    {
        Assert.Contains("24 of the 24 hours", Only(Every(TimeSpan.FromHours(1), 24).Select(t => Script(t))).Signal(HeadlessSignalKeys.AllHours)?.Detail);
        Assert.Null(Only(Enumerable.Range(9, 9).Select(h => Script(Start.AddHours(h)))).Signal(HeadlessSignalKeys.AllHours));
    }

    [Fact]
    public void Repeated_strong_auth_failure_fires_only_when_no_success_follows()
    {
        var failures = Enumerable.Range(0, 3).Select(i => Script(Start.AddHours(i + 1), e => e.ErrorCode = 50076)).ToList();
        var evidence = Only(failures.Append(Script(Start))).Signal(HeadlessSignalKeys.RepeatedStrongAuthFailure);
        Assert.Equal("3 strong-authentication failures (50074/50076/50079), no success after the last one", evidence?.Detail);
        Assert.Null(Only(failures.Append(Script(Start.AddHours(5)))).Signal(HeadlessSignalKeys.RepeatedStrongAuthFailure));
    }

    [Fact]
    public void Interactive_mfa_and_browser_sign_ins_count_against_and_a_ropc_sign_in_never_does()
    {
        var person = Only(new[] { Person(Start), Person(Start.AddHours(3)) });
        Assert.Equal(-40, person.Signal(HeadlessSignalKeys.InteractiveMfa)?.Points);
        Assert.Equal(-20, person.Signal(HeadlessSignalKeys.BrowserInteractive)?.Points);
        var ropc = Only(new[] { Script(Start, e => e.AuthenticationRequirement = "multiFactorAuthentication") });
        Assert.Null(ropc.Signal(HeadlessSignalKeys.InteractiveMfa));
    }

    [Fact]
    public void Varied_sources_count_against_from_three_networks()
    {
        var moving = Enumerable.Range(0, 3).Select(i => Person(Start.AddHours(i), e => e.AutonomousSystemNumber = 5089 + i));
        Assert.Equal(-10, Only(moving).Signal(HeadlessSignalKeys.VariedSources)?.Points);
        Assert.Null(Only(new[] { Person(Start) }).Signal(HeadlessSignalKeys.VariedSources));
    }
}
