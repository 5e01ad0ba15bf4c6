using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using Xunit;

namespace EntraStrongAuth.Tests.Policies;

/// <summary>Conditional Access user conditions resolved as Entra resolves them, and Unknown where the input cannot say.</summary>
public class PolicyUserScopeTests
{
    private const string Alice = "11111111-1111-1111-1111-111111111111";
    private const string Bob = "22222222-2222-2222-2222-222222222222";
    private const string Staff = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string Nested = "aaaaaaaa-0000-0000-0000-000000000002";
    private const string BreakGlass = "aaaaaaaa-0000-0000-0000-000000000003";
    private const string GlobalAdmin = "62e90394-69f5-4237-9190-012177145e10";

    private static readonly ScopeUser Member = new(Alice, "alice@contoso.com", "member");
    private static readonly ScopeUser B2BGuest = new(Bob, "bob_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Guest");

    [Fact]
    public void All_users_take_in_members_and_guests_and_an_excluded_group_wins()
    {
        var policy = Policy(includeUsers: new[] { "All" }, excludeGroups: new[] { BreakGlass });
        var membership = Groups((BreakGlass, new[] { Bob }));
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(policy, Member, membership).Answer);
        var bob = PolicyUserScope.Evaluate(policy, B2BGuest, membership);
        Assert.Equal(ScopeAnswer.OutOfScope, bob.Answer);
        Assert.Contains(BreakGlass, bob.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_is_resolved_transitively_through_nested_groups()
    {
        var builder = new DirectoryMembershipBuilder();
        builder.AddGroup(Staff, Array.Empty<string>(), new[] { Nested });
        builder.AddGroup(Nested, new[] { Alice });
        var verdict = PolicyUserScope.Evaluate(Policy(includeGroups: new[] { Staff }), Member, builder.Build());
        Assert.Equal(ScopeAnswer.InScope, verdict.Answer);
        Assert.Contains("member of group " + Staff, verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(Policy(includeGroups: new[] { Staff }), B2BGuest, builder.Build()).Answer);
    }

    [Fact]
    public void A_group_or_role_not_read_makes_the_answer_unknown_never_out_of_scope()
    {
        var unread = PolicyUserScope.Evaluate(Policy(includeRoles: new[] { GlobalAdmin }), Member, new DirectoryMembership(GroupMembership.Empty, GroupMembership.Empty, "grant RoleManagement.Read.Directory"));
        Assert.Equal(ScopeAnswer.Unknown, unread.Answer);
        Assert.Contains(GlobalAdmin, unread.Reason, StringComparison.Ordinal);
        Assert.Contains("RoleManagement.Read.Directory", unread.Reason, StringComparison.Ordinal);

        // Included by All, but the exclusion group was not read: cannot say the policy applies.
        Assert.Equal(ScopeAnswer.Unknown, PolicyUserScope.Evaluate(Policy(includeUsers: new[] { "All" }, excludeGroups: new[] { BreakGlass }), Member, DirectoryMembership.None).Answer);

        // A named user decides even when a group is unknown.
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(Policy(includeUsers: new[] { Alice }, includeGroups: new[] { Staff }), Member, DirectoryMembership.None).Answer);
    }

    [Fact]
    public void A_partial_listing_counts_listed_members_and_leaves_others_unknown()
    {
        var builder = new DirectoryMembershipBuilder();
        builder.AddRole(GlobalAdmin, new[] { Alice });
        builder.MarkPartial(GlobalAdmin, isRole: true);
        var policy = Policy(includeRoles: new[] { GlobalAdmin });
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(policy, Member, builder.Build()).Answer);
        Assert.Equal(ScopeAnswer.Unknown, PolicyUserScope.Evaluate(policy, B2BGuest, builder.Build()).Answer);
    }

    [Fact]
    public void A_role_held_through_a_role_assignable_group_counts()
    {
        var builder = new DirectoryMembershipBuilder();
        builder.AddRole(GlobalAdmin, Array.Empty<string>(), new[] { Staff });
        builder.AddGroup(Staff, new[] { Bob });
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(Policy(includeRoles: new[] { GlobalAdmin }), B2BGuest, builder.Build()).Answer);
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(Policy(includeRoles: new[] { GlobalAdmin }), Member, builder.Build()).Answer);
    }

    [Fact]
    public void Guest_conditions_tell_b2b_guests_local_guests_and_members_apart()
    {
        var legacy = Policy(includeUsers: new[] { "GuestsOrExternalUsers" });
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(legacy, B2BGuest, DirectoryMembership.None).Answer);
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(legacy, Member, DirectoryMembership.None).Answer);
        Assert.Equal(ScopeAnswer.Unknown, PolicyUserScope.Evaluate(legacy, new ScopeUser(Alice, "alice@contoso.com", null), DirectoryMembership.None).Answer);

        var typed = Policy(includeUsers: new[] { "All" }) with { ExcludeGuests = "internalGuest,b2bCollaborationGuest" };
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(typed.Build(), B2BGuest, DirectoryMembership.None).Answer);
        Assert.Equal(ScopeAnswer.InScope, PolicyUserScope.Evaluate(typed.Build(), Member, DirectoryMembership.None).Answer);

        // Only some external tenants: a B2B guest's home tenant is not in the record, so it is unknown.
        var fromTenants = Policy(includeUsers: Array.Empty<string>()) with { IncludeGuests = "b2bCollaborationGuest", IncludeGuestTenants = new[] { "fabrikam-tenant-id" } };
        Assert.Equal(ScopeAnswer.Unknown, PolicyUserScope.Evaluate(fromTenants.Build(), B2BGuest, DirectoryMembership.None).Answer);
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(fromTenants.Build(), Member, DirectoryMembership.None).Answer);
    }

    [Fact]
    public void None_includes_no_one()
    {
        Assert.Equal(ScopeAnswer.OutOfScope, PolicyUserScope.Evaluate(Policy(includeUsers: new[] { "None" }), Member, DirectoryMembership.None).Answer);
    }

    private static DirectoryMembership Groups(params (string Group, string[] Users)[] groups)
    {
        var builder = new DirectoryMembershipBuilder();
        foreach (var (group, users) in groups)
        {
            builder.AddGroup(group, users);
        }

        return builder.Build();
    }

    private static PolicySpec Policy(string[]? includeUsers = null, string[]? includeGroups = null, string[]? includeRoles = null, string[]? excludeGroups = null) =>
        new(includeUsers ?? Array.Empty<string>(), includeGroups ?? Array.Empty<string>(), includeRoles ?? Array.Empty<string>(), excludeGroups ?? Array.Empty<string>());

    private sealed record PolicySpec(string[] IncludeUsers, string[] IncludeGroups, string[] IncludeRoles, string[] ExcludeGroups)
    {
        public string? IncludeGuests { get; init; }

        public string? ExcludeGuests { get; init; }

        public IReadOnlyList<string> IncludeGuestTenants { get; init; } = Array.Empty<string>();

        public StrongAuthPolicy Build() => new("p1", "Require MFA", "enabled")
        {
            BuiltInControls = new[] { "mfa" },
            IncludeUsers = IncludeUsers,
            IncludeGroups = IncludeGroups,
            IncludeRoles = IncludeRoles,
            ExcludeGroups = ExcludeGroups,
            IncludeGuestsOrExternalUsers = IncludeGuests,
            ExcludeGuestsOrExternalUsers = ExcludeGuests,
            IncludeGuestsOrExternalTenants = IncludeGuestTenants,
        };

        public static implicit operator StrongAuthPolicy(PolicySpec spec) => spec.Build();
    }
}
