using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Names;

/// <summary>
/// Display names of the directory ids a command shows: objects (users, groups, service principals) by object id,
/// applications by appId (client id), directory roles by role template id. An id with no name here stays the id:
/// output puts the name beside the id, never instead of it.
/// </summary>
public sealed class DirectoryNames
{
    private readonly Dictionary<string, string> _objects;
    private readonly Dictionary<string, string> _apps;
    private readonly Dictionary<string, string> _roles;

    public DirectoryNames(IEnumerable<KeyValuePair<string, string>>? objects, IEnumerable<KeyValuePair<string, string>>? apps, IEnumerable<KeyValuePair<string, string>>? roles)
    {
        _objects = Map(objects);
        _apps = Map(apps);
        _roles = Map(roles);
    }

    /// <summary>No names: every id shows as itself.</summary>
    public static DirectoryNames None { get; } = new(null, null, null);

    /// <summary>How many ids have a name.</summary>
    public int Count => _objects.Count + _apps.Count + _roles.Count;

    /// <summary>The name of a user, group or service principal by object id; null when unknown.</summary>
    public string? ObjectName(string? id) => Find(_objects, id);

    /// <summary>The name of an application by appId (the service principal's or app registration's display name); null when unknown.</summary>
    public string? AppName(string? appId) => Find(_apps, appId);

    /// <summary>The name of a directory role by template id (built-in roles) or role definition id; null when unknown.</summary>
    public string? RoleName(string? templateId) => Find(_roles, templateId);

    /// <summary>These names, with <paramref name="other"/>'s added where this has none (this one's win).</summary>
    public DirectoryNames Merge(DirectoryNames? other) =>
        other is null || other.Count == 0 ? this : new DirectoryNames(Union(_objects, other._objects), Union(_apps, other._apps), Union(_roles, other._roles));

    /// <summary><c>Name (id)</c>, or the id alone when there is no name: how evidence and remedy text show an id.</summary>
    public static string Describe(string? name, string id) =>
        string.IsNullOrEmpty(name) || string.Equals(name, id, StringComparison.OrdinalIgnoreCase) ? id : name + " (" + id + ")";

    private static string? Find(Dictionary<string, string> map, string? id) =>
        id is not null && map.TryGetValue(id.Trim(), out var name) ? name : null;

    private static Dictionary<string, string> Map(IEnumerable<KeyValuePair<string, string>>? pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            if (!string.IsNullOrWhiteSpace(pair.Key) && !string.IsNullOrWhiteSpace(pair.Value) && !map.ContainsKey(pair.Key))
            {
                map[pair.Key.Trim()] = pair.Value;
            }
        }

        return map;
    }

    private static IEnumerable<KeyValuePair<string, string>> Union(Dictionary<string, string> first, Dictionary<string, string> second) =>
        first.Concat(second.Where(p => !first.ContainsKey(p.Key)));
}
