using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// The user members (transitive) of the groups the methods policy targets. A group that could not be read is listed
/// in <see cref="UnreadGroupIds"/>, so an answer that depends on it can say its targeting is uncertain.
/// </summary>
public sealed class GroupMembership
{
    private readonly Dictionary<string, HashSet<string>> _members;
    private readonly Dictionary<string, List<string>> _groupsOfUser;
    private readonly HashSet<string> _unread;

    public GroupMembership(IEnumerable<KeyValuePair<string, IEnumerable<string>>> members, IEnumerable<string>? unreadGroupIds = null)
    {
        _members = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        _groupsOfUser = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in members ?? throw new ArgumentNullException(nameof(members)))
        {
            var set = new HashSet<string>(group.Value, StringComparer.OrdinalIgnoreCase);
            _members[group.Key] = set;
            foreach (var user in set)
            {
                if (!_groupsOfUser.TryGetValue(user, out var groups))
                {
                    _groupsOfUser[user] = groups = new List<string>();
                }

                groups.Add(group.Key);
            }
        }

        _unread = new HashSet<string>(unreadGroupIds ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        UnreadGroupIds = _unread.ToList();
    }

    /// <summary>No groups: what a policy that targets only all_users needs.</summary>
    public static GroupMembership Empty { get; } = new(Array.Empty<KeyValuePair<string, IEnumerable<string>>>());

    /// <summary>Groups whose members could not be read (deleted, or no permission).</summary>
    public IReadOnlyList<string> UnreadGroupIds { get; }

    public bool IsComplete => UnreadGroupIds.Count == 0;

    public IReadOnlyCollection<string> GroupIds => _members.Keys;

    /// <summary>The read groups <paramref name="userId"/> is a (transitive) member of.</summary>
    public IReadOnlyCollection<string> GroupsOf(string userId) =>
        userId is not null && _groupsOfUser.TryGetValue(userId, out var groups) ? groups : Array.Empty<string>();

    /// <summary>
    /// Whether <paramref name="userId"/> is a member of <paramref name="groupId"/>: true when listed (even in a
    /// partial listing), false only when the group was read whole, null when that cannot be told.
    /// </summary>
    public bool? IsMember(string groupId, string userId)
    {
        if (groupId is null || userId is null)
        {
            return null;
        }

        var read = _members.TryGetValue(groupId, out var members);
        if (read && members!.Contains(userId))
        {
            return true;
        }

        return read && !_unread.Contains(groupId) ? false : null;
    }

    /// <summary>The user ids of one group; empty when the group was not read.</summary>
    public IReadOnlyCollection<string> MembersOf(string groupId) =>
        groupId is not null && _members.TryGetValue(groupId, out var members) ? members : (IReadOnlyCollection<string>)Array.Empty<string>();
}
