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
    /// <summary>
    /// Type suffixes Log Analytics appends to the columns of a custom log table (the classic HTTP Data Collector API,
    /// and the tables the security training labs load exports into): _s string, _d number, _b boolean, _g GUID,
    /// _t datetime, _dynamic an object. A suffixed column is the bare column when that is a known one; a _s or _dynamic
    /// column may hold the object as JSON in a string, which every reader already parses.
    /// </summary>
    private static readonly string[] TypeSuffixes = ["_s", "_d", "_b", "_g", "_t", "_dynamic"];

    /// <summary>The columns, then each with every type suffix (the bare name first, so problems show it).</summary>
    public static readonly Utf8NameTable<SignInField> Table = new(Columns().Concat(TypeSuffixes.SelectMany(suffix => Columns().Select(c => new KeyValuePair<string, SignInField>(c.Key + suffix, c.Value)))));

    /// <summary>
    /// A CSV header to a field. The Log Analytics portal's "Export to CSV" writes datetime columns as
    /// "TimeGenerated [UTC]" (or "[Local Time]"): the bracket suffix is dropped before the lookup.
    /// </summary>
    public static SignInField Resolve(string header) =>
        Table.TryGet(WithoutBracket(header), out var field) ? field : SignInField.None;

    /// <summary>A CSV header the reader knows, read or not (<see cref="SignInNamesNotNeeded"/>).</summary>
    public static bool IsKnown(string header) => Table.TryGet(WithoutBracket(header), out _);

    /// <summary>The registry's columns, and the ones no classification needs (mapped to no field, so they are known).</summary>
    private static IEnumerable<KeyValuePair<string, SignInField>> Columns() =>
        SignInFieldRegistry.All.SelectMany(e => e.LogAnalyticsColumns.Select(column => new KeyValuePair<string, SignInField>(column, e.Field)))
            .Concat(SignInNamesNotNeeded.AsSkipped(SignInNamesNotNeeded.LogAnalytics));

    private static string WithoutBracket(string header)
    {
        var name = header.Trim();
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 && name.EndsWith("]", StringComparison.Ordinal) ? name.Substring(0, bracket) : name;
    }
}
