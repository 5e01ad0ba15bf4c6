using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>The Authentication methods policy, the members of the groups it targets, and what could not be read.</summary>
public sealed class MethodsPolicyRead
{
    public MethodsPolicyRead(TenantMethodsPolicy policy, GroupMembership membership, IReadOnlyList<PolicyReadProblem> problems)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Membership = membership ?? throw new ArgumentNullException(nameof(membership));
        Problems = problems ?? throw new ArgumentNullException(nameof(problems));
    }

    /// <summary><see cref="TenantMethodsPolicy.Unknown"/> when the policy could not be read (see <see cref="Problems"/>).</summary>
    public TenantMethodsPolicy Policy { get; }

    public GroupMembership Membership { get; }

    /// <summary>Warnings (policy unreadable, a group not found) and malformed configurations; each is also sent to the events' Warning.</summary>
    public IReadOnlyList<PolicyReadProblem> Problems { get; }

    /// <summary>The policy as it applies to one user, with the group membership read here.</summary>
    public Core.Strength.UserMethodsPolicy ForUser(string userId, bool isGuest) => Policy.ForUser(userId, Membership.GroupsOf(userId), isGuest);
}
