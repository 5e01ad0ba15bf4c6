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

        UnreadGroupIds = (unreadGroupIds ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
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

    /// <summary>The user ids of one group; empty when the group was not read.</summary>
    public IReadOnlyCollection<string> MembersOf(string groupId) =>
        groupId is not null && _members.TryGetValue(groupId, out var members) ? members : (IReadOnlyCollection<string>)Array.Empty<string>();
}
