using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Names;

namespace EntraStrongAuth.Core.Policies;

/// <summary>
/// The names beside the ids a policy targets. Each <c>…Names</c> list has one entry per entry of the id list of the
/// same name, in the same order: the display name when one was found (the directory live, the built-in role and
/// first-party app tables offline), else the id itself; keywords (All, None, GuestsOrExternalUsers, Office365) are
/// kept as they are.
/// </summary>
public sealed partial class StrongAuthPolicy
{
    private DirectoryNames _names = DirectoryNames.None;

    /// <summary>Names of <see cref="IncludeUsers"/>, in the same order.</summary>
    public IReadOnlyList<string> IncludeUserNames => Named(IncludeUsers, _names.ObjectName);

    /// <summary>Names of <see cref="ExcludeUsers"/>, in the same order.</summary>
    public IReadOnlyList<string> ExcludeUserNames => Named(ExcludeUsers, _names.ObjectName);

    /// <summary>Names of <see cref="IncludeGroups"/>, in the same order.</summary>
    public IReadOnlyList<string> IncludeGroupNames => Named(IncludeGroups, _names.ObjectName);

    /// <summary>Names of <see cref="ExcludeGroups"/>, in the same order.</summary>
    public IReadOnlyList<string> ExcludeGroupNames => Named(ExcludeGroups, _names.ObjectName);

    /// <summary>Names of <see cref="IncludeRoles"/> (directory role template ids), in the same order.</summary>
    public IReadOnlyList<string> IncludeRoleNames => Named(IncludeRoles, _names.RoleName);

    /// <summary>Names of <see cref="ExcludeRoles"/>, in the same order.</summary>
    public IReadOnlyList<string> ExcludeRoleNames => Named(ExcludeRoles, _names.RoleName);

    /// <summary>Names of <see cref="IncludeApplications"/> (appIds), in the same order.</summary>
    public IReadOnlyList<string> IncludeApplicationNames => Named(IncludeApplications, _names.AppName);

    /// <summary>Names of <see cref="ExcludeApplications"/>, in the same order.</summary>
    public IReadOnlyList<string> ExcludeApplicationNames => Named(ExcludeApplications, _names.AppName);

    /// <summary>The users and groups (object ids) the policy includes or excludes: what a name lookup is asked for. A method, so output does not show it.</summary>
    public IEnumerable<string> TargetedObjectIds() =>
        IncludeUsers.Concat(ExcludeUsers).Concat(IncludeGroups).Concat(ExcludeGroups).Where(IsId);

    /// <summary>The applications (appIds) the policy includes or excludes, keywords left out.</summary>
    public IEnumerable<string> TargetedAppIds() => IncludeApplications.Concat(ExcludeApplications).Where(IsId);

    /// <summary>The directory roles (template ids) the policy includes or excludes.</summary>
    public IEnumerable<string> TargetedRoleIds() => IncludeRoles.Concat(ExcludeRoles).Where(IsId);

    /// <summary>A copy whose <c>…Names</c> lists use <paramref name="names"/> (added to the names it already has).</summary>
    public StrongAuthPolicy WithNames(DirectoryNames names)
    {
        if (names is null)
        {
            throw new ArgumentNullException(nameof(names));
        }

        var copy = (StrongAuthPolicy)MemberwiseClone();
        copy._names = names.Merge(_names);
        return copy;
    }

    /// <summary><c>Name (id)</c> of a user or group the policy targets, for evidence text; the id alone when unnamed.</summary>
    internal string DescribeObject(string id) => DirectoryNames.Describe(_names.ObjectName(id), id);

    /// <summary><c>Name (id)</c> of a directory role the policy targets, for evidence text.</summary>
    internal string DescribeRole(string id) => DirectoryNames.Describe(_names.RoleName(id), id);

    private static List<string> Named(IReadOnlyList<string> ids, Func<string?, string?> name) =>
        ids.Select(id => IsId(id) ? name(id) ?? id : id).ToList();

    private static bool IsId(string value) => Guid.TryParse(value, out _);
}
