using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Names;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using Xunit;

namespace EntraStrongAuth.Tests.Names;

/// <summary>A policy's names beside its ids: lists that match the id lists entry for entry, and evidence that says both.</summary>
public sealed class PolicyNamesTests
{
    private const string Alice = "11111111-1111-1111-1111-111111111111";
    private const string Staff = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string Unnamed = "aaaaaaaa-0000-0000-0000-000000000002";
    private const string GlobalAdmin = "62e90394-69f5-4237-9190-012177145e10";

    private static readonly DirectoryNames Names = new(
        new[] { new KeyValuePair<string, string>(Staff, "Staff") },
        null,
        new[] { new KeyValuePair<string, string>(GlobalAdmin, "Global Administrator") });

    [Fact]
    public void Name_lists_follow_the_id_lists_and_keep_ids_and_keywords_without_a_name()
    {
        var policy = new StrongAuthPolicy("p", "P", "enabled")
        {
            IncludeUsers = new[] { "All" },
            ExcludeGroups = new[] { Unnamed, Staff },
            IncludeRoles = new[] { GlobalAdmin },
        };

        Assert.Equal(new[] { Unnamed, Staff }, policy.ExcludeGroupNames);
        var named = policy.WithNames(Names);
        Assert.Equal(new[] { Unnamed, "Staff" }, named.ExcludeGroupNames);
        Assert.Equal(new[] { "All" }, named.IncludeUserNames);
        Assert.Equal(new[] { "Global Administrator" }, named.IncludeRoleNames);
        Assert.Equal(new[] { Unnamed, Staff }, named.ExcludeGroups);
    }

    [Fact]
    public void A_planned_policy_names_built_in_roles_and_first_party_apps_given_by_id()
    {
        var planned = new EntraStrongAuth.Engine.Application.Readiness.PlannedPolicy
        {
            IncludeRoles = new[] { GlobalAdmin },
            Applications = new[] { "797f4846-ba00-4fd7-ba43-dac1f8f63013" },
        }.ToPolicy();

        Assert.Equal(new[] { "Global Administrator" }, planned.IncludeRoleNames);
        Assert.Equal(new[] { "Windows Azure Service Management API" }, planned.IncludeApplicationNames);
        Assert.Equal(new[] { GlobalAdmin }, planned.IncludeRoles);
    }

    [Fact]
    public void Scope_evidence_names_the_group_and_role_with_their_ids()
    {
        var policy = new StrongAuthPolicy("p", "P", "enabled") { IncludeGroups = new[] { Staff }, IncludeRoles = new[] { GlobalAdmin } }.WithNames(Names);
        var builder = new DirectoryMembershipBuilder();
        builder.AddGroup(Staff, new[] { Alice });
        var user = new ScopeUser(Alice, "alice@contoso.com", "member");

        var verdict = PolicyUserScope.Evaluate(policy, user, builder.Build());
        Assert.Contains("member of group Staff (" + Staff + ")", verdict.Reason, StringComparison.Ordinal);

        var adminsOnly = new StrongAuthPolicy("q", "Q", "enabled") { IncludeRoles = new[] { GlobalAdmin } }.WithNames(Names);
        var unread = PolicyUserScope.Evaluate(adminsOnly, new ScopeUser("33333333-3333-3333-3333-333333333333", "carol@contoso.com", "member"),
            new DirectoryMembership(GroupMembership.Empty, GroupMembership.Empty, "grant RoleManagement.Read.Directory"));
        Assert.Contains("Global Administrator (" + GlobalAdmin + ")", unread.Reason, StringComparison.Ordinal);
    }
}
