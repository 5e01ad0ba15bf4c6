using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.Tests.Application;
using Xunit;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>
/// Who and what a readiness check takes in, on hand-built cases: the application and client-app conditions
/// (ApplicationScope), then a ReadinessCheck over constructed sign-ins against a small directory with a nested group,
/// a role holder, an excluded group and a guest, counting who is assessed and who is set aside.
/// </summary>
public class ReadinessScopeTests
{
    private const string Portal = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    private const string Arm = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
    private const string Teams = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    private const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

    [Theory]
    [InlineData(new[] { "All" }, new string[0], Teams, null, ScopeAnswer.InScope)]
    [InlineData(new[] { Portal }, new string[0], Portal, null, ScopeAnswer.InScope)]
    [InlineData(new[] { Portal }, new string[0], Teams, null, ScopeAnswer.OutOfScope)]
    [InlineData(new[] { Arm }, new string[0], Portal, Arm, ScopeAnswer.InScope)]
    [InlineData(new[] { "All" }, new[] { Teams }, Teams, null, ScopeAnswer.OutOfScope)]
    [InlineData(new[] { "All" }, new[] { Arm }, Portal, Arm, ScopeAnswer.OutOfScope)]
    [InlineData(new[] { "Office365" }, new string[0], Teams, null, ScopeAnswer.Unknown)]
    [InlineData(new[] { "All" }, new[] { "Office365" }, Teams, null, ScopeAnswer.Unknown)]
    [InlineData(new[] { "all" }, new string[0], null, null, ScopeAnswer.InScope)]
    public void Applications_are_taken_in_by_the_resource_else_the_client_app(string[] include, string[] exclude, string? app, string? resource, ScopeAnswer expected)
    {
        var policy = new StrongAuthPolicy("p", "P", "enabled") { IncludeApplications = include, ExcludeApplications = exclude };

        Assert.Equal(expected, ApplicationScope.Evaluate(policy, resource, app, legacyClient: false));
    }

    [Theory]
    [InlineData(new string[0], false, ScopeAnswer.InScope)]
    [InlineData(new string[0], true, ScopeAnswer.InScope)]
    [InlineData(new[] { "all" }, true, ScopeAnswer.InScope)]
    [InlineData(new[] { "exchangeActiveSync", "other" }, true, ScopeAnswer.InScope)]
    [InlineData(new[] { "exchangeActiveSync", "other" }, false, ScopeAnswer.OutOfScope)]
    [InlineData(new[] { "browser", "mobileAppsAndDesktopClients" }, false, ScopeAnswer.InScope)]
    [InlineData(new[] { "browser", "mobileAppsAndDesktopClients" }, true, ScopeAnswer.OutOfScope)]
    public void Client_app_types_split_legacy_from_modern_clients(string[] clientAppTypes, bool legacy, ScopeAnswer expected)
    {
        var policy = new StrongAuthPolicy("p", "P", "enabled") { IncludeApplications = new[] { "All" }, ClientAppTypes = clientAppTypes };

        Assert.Equal(expected, ApplicationScope.Evaluate(policy, null, Teams, legacy));
    }

    [Fact]
    public async Task Nested_group_members_role_holders_and_guests_are_assessed_and_the_excluded_and_others_are_counted_out()
    {
        var policy = new StrongAuthPolicy("p1", "Require MFA for finance", "enabled")
        {
            BuiltInControls = new[] { "mfa" },
            IncludeGroups = new[] { "g-finance" },
            IncludeRoles = new[] { GlobalAdministrator },
            ExcludeGroups = new[] { "g-excluded" },
            IncludeGuestsOrExternalUsers = "b2bCollaborationGuest",
            IncludeApplications = new[] { "All" },
            ExcludeApplications = new[] { Teams },
            ClientAppTypes = new[] { "all" },
        };

        // g-finance holds alice directly and bob through a nested group (transitive members list both); dave is in
        // g-finance but also in the excluded group; carol holds the role; erin is a guest; frank is in nothing.
        var data = new FakeEnrollmentData(Users("alice", "bob", "carol", "dave", "frank").Append(FakeEnrollmentData.User("id-erin", "erin_fabrikam.com#EXT#@contoso.onmicrosoft.com", "guest")).ToArray())
        {
            Directory = new DirectoryMembership(
                new GroupMembership(new Dictionary<string, IEnumerable<string>> { ["g-finance"] = new[] { "id-alice", "id-bob", "id-dave" }, ["g-excluded"] = new[] { "id-dave" } }),
                new GroupMembership(new Dictionary<string, IEnumerable<string>> { [GlobalAdministrator] = new[] { "id-carol" } })),
        };
        var host = new RecordingRunHost();
        var check = new ReadinessCheck(policy, new ReadinessCheckOptions { Summary = true }, host);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var name in new[] { "alice", "bob", "carol", "dave", "frank" })
        {
            await check.ObserveAsync(SignIn(name, name + "@contoso.com", Portal, at));
        }

        await check.ObserveAsync(SignIn("erin", "erin_fabrikam.com#EXT#@contoso.onmicrosoft.com", Portal, at, guest: true));
        await check.ObserveAsync(SignIn("alice", "alice@contoso.com", Teams, at.AddHours(1)));
        await check.CompleteAsync(data, "none", CancellationToken.None);

        var summary = Assert.IsType<ReadinessSummary>(Assert.Single(host.Output));
        Assert.Equal(4, summary.Subjects);
        Assert.Equal(2, summary.UsersOutOfScope);
        Assert.Equal(1, summary.SignInsOutOfScope);
        Assert.Equal(4, summary.WillPrompt);
    }

    [Fact]
    public async Task Each_assessed_user_and_app_is_one_result_and_a_user_outside_the_groups_is_not()
    {
        var policy = new StrongAuthPolicy("p2", "MFA for the pilot", "enabled") { BuiltInControls = new[] { "mfa" }, IncludeGroups = new[] { "g-pilot" }, IncludeApplications = new[] { "All" } };
        var data = new FakeEnrollmentData(Users("alice", "frank").ToArray())
        {
            Directory = new DirectoryMembership(new GroupMembership(new Dictionary<string, IEnumerable<string>> { ["g-pilot"] = new[] { "id-alice" } }), GroupMembership.Empty),
        };
        var host = new RecordingRunHost();
        var check = new ReadinessCheck(policy, new ReadinessCheckOptions(), host);
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await check.ObserveAsync(SignIn("alice", "alice@contoso.com", Portal, at));
        await check.ObserveAsync(SignIn("alice", "alice@contoso.com", Teams, at.AddMinutes(5)));
        await check.ObserveAsync(SignIn("frank", "frank@contoso.com", Portal, at));
        await check.CompleteAsync(data, "none", CancellationToken.None);

        var results = host.Output.OfType<ReadinessResult>().ToList();
        Assert.Equal(new[] { Teams, Portal }, results.Select(r => r.AppId).Order(StringComparer.Ordinal).ToArray());
        Assert.All(results, r => Assert.Equal("alice@contoso.com", r.UserPrincipalName));
    }

    [Fact]
    public async Task Nothing_in_scope_is_said_in_a_warning_not_passed_off_as_ready()
    {
        var policy = new StrongAuthPolicy("p3", "MFA for the pilot", "enabled") { BuiltInControls = new[] { "mfa" }, IncludeGroups = new[] { "g-pilot" }, IncludeApplications = new[] { "All" } };
        var data = new FakeEnrollmentData(Users("frank").ToArray())
        {
            Directory = new DirectoryMembership(new GroupMembership(new Dictionary<string, IEnumerable<string>> { ["g-pilot"] = new[] { "id-alice" } }), GroupMembership.Empty),
        };
        var host = new RecordingRunHost();
        var check = new ReadinessCheck(policy, new ReadinessCheckOptions { Quiet = true }, host);
        await check.ObserveAsync(SignIn("frank", "frank@contoso.com", Portal, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        await check.CompleteAsync(data, "none", CancellationToken.None);

        Assert.Equal(new object?[] { true }, host.Output);
        var warning = Assert.Single(host.Warnings);
        Assert.Contains("nothing was assessed", warning, StringComparison.Ordinal);
        Assert.Contains("1 user sign-ins read; 1 users outside its user scope", warning, StringComparison.Ordinal);
    }

    private static IEnumerable<UserMethodsSnapshot> Users(params string[] names) => names.Select(n => FakeEnrollmentData.User("id-" + n, n + "@contoso.com"));

    // An interactive browser success with a password only: the policy's MFA will be asked of it.
    private static SignInEvent SignIn(string name, string upn, string app, DateTimeOffset at, bool guest = false) => new()
    {
        Id = Guid.NewGuid().ToString(),
        CreatedDateTime = at,
        UserId = "id-" + name,
        UserPrincipalName = upn,
        UserType = guest ? "guest" : "member",
        AppId = app,
        AppDisplayName = app == Teams ? "Microsoft Teams" : "Azure Portal",
        ResourceId = app == Teams ? app : Arm,
        ClientAppUsed = "Browser",
        IsInteractive = true,
        AuthenticationProtocol = "none",
        AuthenticationRequirement = "singleFactorAuthentication",
    };
}
