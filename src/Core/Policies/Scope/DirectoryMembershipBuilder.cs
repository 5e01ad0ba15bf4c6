using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Enrollment;

namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>
/// Collects the member lists of groups and directory roles (from Graph answers or saved files) and resolves them into
/// a <see cref="DirectoryMembership"/>: a group or role that lists a group among its members takes that group's users
/// too (transitively, each group once), and one whose nested group was never read is marked incomplete.
/// </summary>
public sealed class DirectoryMembershipBuilder
{
    private readonly Dictionary<string, Listing> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Listing> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unreadGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unreadRoles = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A group's members: user ids, and the ids of groups nested in it (empty when already transitive).</summary>
    public void AddGroup(string groupId, IEnumerable<string> userIds, IEnumerable<string>? nestedGroupIds = null) =>
        Add(_groups, groupId, userIds, nestedGroupIds);

    /// <summary>The holders of a directory role (by template id): users, and role-assignable groups whose members hold it.</summary>
    public void AddRole(string roleTemplateId, IEnumerable<string> userIds, IEnumerable<string>? groupIds = null) =>
        Add(_roles, roleTemplateId, userIds, groupIds);

    public void GroupUnread(string groupId) => _unreadGroups.Add(groupId);

    /// <summary>The listing of a group or role may be cut short (Graph expands at most 20 members): listed users count, absence proves nothing.</summary>
    public void MarkPartial(string key, bool isRole)
    {
        if (!(isRole ? _roles : _groups).TryGetValue(key, out var listing))
        {
            throw new InvalidOperationException("Add the group or role before marking it partial.");
        }

        listing.Partial = true;
    }

    public void RoleUnread(string roleTemplateId) => _unreadRoles.Add(roleTemplateId);

    public DirectoryMembership Build(string? howToRead = null)
    {
        var groups = Resolve(_groups, _unreadGroups);
        var roles = Resolve(_roles, _unreadRoles);
        return new DirectoryMembership(groups, roles, howToRead);
    }

    private static void Add(Dictionary<string, Listing> into, string key, IEnumerable<string> users, IEnumerable<string>? nested)
    {
        if (!into.TryGetValue(key, out var listing))
        {
            into[key] = listing = new Listing();
        }

        listing.Users.UnionWith(users ?? Array.Empty<string>());
        listing.Nested.UnionWith(nested ?? Array.Empty<string>());
    }

    private GroupMembership Resolve(Dictionary<string, Listing> listings, HashSet<string> unread)
    {
        var members = new List<KeyValuePair<string, IEnumerable<string>>>();
        var incomplete = new List<string>(unread);
        foreach (var entry in listings)
        {
            var users = new HashSet<string>(entry.Value.Users, StringComparer.OrdinalIgnoreCase);
            if (!Expand(entry.Value.Nested, users, new HashSet<string>(StringComparer.OrdinalIgnoreCase)) || entry.Value.Partial)
            {
                incomplete.Add(entry.Key);
            }

            members.Add(new KeyValuePair<string, IEnumerable<string>>(entry.Key, users));
        }

        return new GroupMembership(members, incomplete);
    }

    // Adds the users of the nested groups; false when one of them was not read (the listing is then partial).
    private bool Expand(IEnumerable<string> nested, HashSet<string> users, HashSet<string> seen)
    {
        var complete = true;
        foreach (var group in nested.Where(seen.Add))
        {
            if (!_groups.TryGetValue(group, out var listing) || _unreadGroups.Contains(group))
            {
                complete = false;
                continue;
            }

            users.UnionWith(listing.Users);
            complete &= !listing.Partial && Expand(listing.Nested, users, seen);
        }

        return complete;
    }

    private sealed class Listing
    {
        public HashSet<string> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Nested { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Partial { get; set; }
    }
}
