using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// SigninLogs / AADNonInteractiveUserSignInLogs columns (Log Analytics, Sentinel) to sign-in fields, for JSON rows
/// and CSV headers alike, from <see cref="SignInFieldRegistry"/>. Most columns are the Graph name in PascalCase; the
/// registry notes the exceptions (ResourceIdentity, Location, LocationDetails, ConditionalAccessPolicies, ResultType).
/// </summary>
internal static class LogAnalyticsColumns
{
    public static readonly Utf8NameTable<SignInField> Table = new(
        SignInFieldRegistry.All.SelectMany(e => e.LogAnalyticsColumns.Select(column => new KeyValuePair<string, SignInField>(column, e.Field))));

    /// <summary>
    /// A CSV header to a field. The Log Analytics portal's "Export to CSV" writes datetime columns as
    /// "TimeGenerated [UTC]" (or "[Local Time]"): the bracket suffix is dropped before the lookup.
    /// </summary>
    public static SignInField Resolve(string header)
    {
        var name = header.Trim();
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        if (bracket > 0 && name.EndsWith("]", StringComparison.Ordinal))
        {
            name = name.Substring(0, bracket);
        }

        return Table.TryGet(name, out var field) ? field : SignInField.None;
    }
}
