using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Connection;

/// <summary>A permission the module needs, what it is for, and the permissions that grant it too.</summary>
public sealed class ModuleScope
{
    internal ModuleScope(string name, string neededFor, params string[] alsoGrantedBy)
    {
        Name = name;
        NeededFor = neededFor;
        AlsoGrantedBy = alsoGrantedBy;
    }

    public string Name { get; }

    /// <summary>The commands (or parts of them) that read with it.</summary>
    public string NeededFor { get; }

    public IReadOnlyList<string> AlsoGrantedBy { get; }

    /// <summary>True when <paramref name="granted"/> holds this permission or one that includes it.</summary>
    public bool IsGrantedBy(IEnumerable<string> granted) =>
        granted.Any(scope => string.Equals(ShortName(scope), Name, StringComparison.OrdinalIgnoreCase)
            || AlsoGrantedBy.Any(broader => string.Equals(ShortName(scope), broader, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The permission name of a scope: https://graph.microsoft.com/AuditLog.Read.All is AuditLog.Read.All.</summary>
    internal static string ShortName(string scope)
    {
        var slash = scope.LastIndexOf('/');
        return slash < 0 ? scope : scope.Substring(slash + 1);
    }
}
