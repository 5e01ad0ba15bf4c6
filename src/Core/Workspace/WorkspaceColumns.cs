using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>
/// Which columns a workspace query returns, from the field registry: every column a sign-in field is read from when
/// the record is classified, or only the link fields (and the objects they sit in) when it only feeds outcome linking,
/// the lean read files get too. Nothing the readers would skip is downloaded.
/// </summary>
internal static class WorkspaceColumns
{
    private static readonly Lazy<IReadOnlyList<string>> WholeColumns = new(() => Of(SignInFieldRegistry.All));

    private static readonly Lazy<IReadOnlyList<string>> LeanColumns = new(() =>
    {
        var linkParents = new HashSet<string>(
            SignInFieldRegistry.All.Where(e => e.IsLinkField && e.GraphPath is { } path && path.IndexOf('.') > 0).Select(e => e.GraphPath!.Substring(0, e.GraphPath.IndexOf('.'))),
            StringComparer.Ordinal);
        return Of(SignInFieldRegistry.All.Where(e => e.IsLinkField || (e.GraphPath is { } path && linkParents.Contains(path))));
    });

    private static readonly Lazy<HashSet<string>> JsonColumns = new(() => new HashSet<string>(
        SignInFieldRegistry.All.Where(e => e.Kind is SignInValueKind.Object or SignInValueKind.ObjectArray).SelectMany(e => e.LogAnalyticsColumns),
        StringComparer.Ordinal));

    /// <summary>Everything a classified record is read with.</summary>
    public static IReadOnlyList<string> Whole => WholeColumns.Value;

    /// <summary>What linking, ordering and the guest filter read of a success or a failure of another code.</summary>
    public static IReadOnlyList<string> Lean => LeanColumns.Value;

    /// <summary>
    /// Columns holding an object or an array: returned as compact JSON text (<c>tostring(todynamic(…))</c>), whether the
    /// table types them dynamic or keeps them as the indented text the non-interactive table stores.
    /// </summary>
    public static bool HoldsJson(string column) => JsonColumns.Value.Contains(column);

    // Type is every table's name column; the reader tells the kinds of sign-in apart by it.
    private static readonly string[] TableNameColumn = { "Type" };

    private static string[] Of(IEnumerable<SignInFieldEntry> entries) =>
        entries.SelectMany(e => e.LogAnalyticsColumns).Concat(TableNameColumn).Distinct(StringComparer.Ordinal).ToArray();
}
