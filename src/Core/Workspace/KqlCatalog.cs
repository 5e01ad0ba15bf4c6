using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Workspace.Alerts;

namespace EntraStrongAuth.Core.Workspace;

/// <summary>
/// The named KQL the module prints (Get-StrongAuthKql) and exports as Sentinel analytics rules. Adding a query is
/// one line in <see cref="Define"/>; the unit tests run every entry through the Kusto language service and check
/// every alert's metadata against Sentinel's template rules.
/// </summary>
public static class KqlCatalog
{
    private static readonly Lazy<IReadOnlyList<KqlCatalogEntry>> BuiltIn = new(() => Build(ClassificationData.BuiltIn));

    /// <summary>The entries over the built-in classification data, in a stable order (analysis first, then alerts).</summary>
    public static IReadOnlyList<KqlCatalogEntry> All => BuiltIn.Value;

    /// <summary>The entry of that name (case-insensitive), or null.</summary>
    public static KqlCatalogEntry? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries over other classification data (user tables), checked for unique names.</summary>
    public static IReadOnlyList<KqlCatalogEntry> Build(ClassificationData data)
    {
        var entries = Define(data ?? throw new ArgumentNullException(nameof(data))).OrderBy(e => e.QueryKind).ToList();
        var doubled = entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return doubled is null ? entries : throw new InvalidOperationException("Two KQL catalog entries are named " + doubled.Key + ".");
    }

    private static IEnumerable<KqlCatalogEntry> Define(ClassificationData data)
    {
        yield return KqlCatalogCauseLabels.Entry(data.Rules, data);
        yield return KqlCatalogEntry.ForAlert("ScriptAccountFailingMfa", HeadlessMfaFailureRule.Build(data));
        yield return KqlCatalogEntry.ForAlert("StrongAuthFailureSpike", StrongAuthSpikeRule.Build());
        yield return KqlCatalogEntry.ForAlert("AppNeverRecoversFromInteractionRequired", InteractionRequiredNeverRecoversRule.Build());
    }
}
