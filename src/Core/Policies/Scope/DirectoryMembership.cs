using System;
using EntraStrongAuth.Core.Enrollment;

namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>
/// Who is in the groups (transitively) and who holds the directory roles a policy names, as far as they were read.
/// A group or role that was not read answers null, so a scope that turns on it is Unknown, never guessed.
/// </summary>
public sealed class DirectoryMembership
{
    public DirectoryMembership(GroupMembership groups, GroupMembership roles, string? howToRead = null)
    {
        Groups = groups ?? throw new ArgumentNullException(nameof(groups));
        Roles = roles ?? throw new ArgumentNullException(nameof(roles));
        HowToRead = howToRead;
    }

    /// <summary>Nothing read: every group and role condition is Unknown.</summary>
    public static DirectoryMembership None { get; } = new(GroupMembership.Empty, GroupMembership.Empty);

    /// <summary>Group id to user ids (transitive members).</summary>
    public GroupMembership Groups { get; }

    /// <summary>Role template id to the user ids holding it (directly, or through a role-assignable group).</summary>
    public GroupMembership Roles { get; }

    /// <summary>What would let the unread groups and roles be read (a permission, a file); said with Unknown answers.</summary>
    public string? HowToRead { get; }

    /// <summary>True, false, or null when the group's members were not read (or only partly).</summary>
    public bool? InGroup(string userId, string groupId) => Groups.IsMember(groupId, userId);

    /// <summary>True, false, or null when the role's holders were not read (or only partly).</summary>
    public bool? HoldsRole(string userId, string roleTemplateId) => Roles.IsMember(roleTemplateId, userId);
}
