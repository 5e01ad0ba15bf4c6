using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace.Headless;
using EntraStrongAuth.Engine.Workspace;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>
/// A workspace that answers <see cref="HeadlessKql"/>'s two queries from sign-ins in memory, by a LINQ transcription
/// of the KQL: each sign-in's columns as Log Analytics holds them (strings never null, ResultType a number as text),
/// the same <c>extend</c>s, the same <c>by</c> keys (case-sensitive, as Kusto's), the same run-start steps. It
/// models the query over the whole window and every account (the scope the equivalence tests use), plus the
/// <c>hash(Account, N) == i</c> slices, and cuts a result longer than <see cref="RowCap"/> as the API would.
/// </summary>
internal sealed class HeadlessKqlModel : IWorkspaceQueries
{
    private static readonly Regex Origin = new(@"datetime_diff\(""second"", CreatedDateTime, datetime\(([^)]+)\)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Slice = new(@"hash\(Account, (\d+)\) == (\d+)", RegexOptions.CultureInvariant);
    private readonly IReadOnlyList<SignInEvent> _signIns;

    public HeadlessKqlModel(IEnumerable<SignInEvent> signIns)
    {
        _signIns = signIns.ToList();
    }

    /// <summary>Results longer than this come back cut and marked Truncated (the API's 500,000-row cap, scaled down).</summary>
    public int RowCap { get; init; } = int.MaxValue;

    /// <summary>Returns the rows last to first (Kusto promises no order without a sort).</summary>
    public bool Reversed { get; init; }

    public List<string> Queries { get; } = new();

    /// <summary>The JSON text of every answer that was not cut (what came over the wire).</summary>
    public long BytesReturned { get; private set; }

    public long RowsReturned { get; private set; }

    /// <summary>Bytes returned per query kind ("groups", "starts", "app starts").</summary>
    public Dictionary<string, long> BytesByQuery { get; } = new();

    public Task<WorkspaceTable> QueryAsync(string kql, CancellationToken cancellationToken)
    {
        if (kql.Contains("| getschema", StringComparison.Ordinal))
        {
            // The schema probe: a workspace holding every column the module reads.
            var schema = JsonSerializer.Serialize(EntraStrongAuth.Core.Workspace.WorkspaceColumns.Whole.Concat(new[] { "TimeGenerated" }).Distinct().Select(c => new[] { c, c is "TimeGenerated" or "CreatedDateTime" ? "datetime" : "string" }));
            var probe = JsonDocument.Parse(schema);
            return Task.FromResult(new WorkspaceTable(new[] { new WorkspaceColumn("ColumnName", "string"), new WorkspaceColumn("ColumnType", "string") }, probe.RootElement.EnumerateArray().ToList(), probe, truncated: false));
        }

        Queries.Add(kql);
        var slice = Slice.Match(kql);
        var (count, index) = slice.Success ? (int.Parse(slice.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(slice.Groups[2].Value, CultureInfo.InvariantCulture)) : (1, 0);
        var rows = _signIns.Where(e => Account(e).Length > 0 && Hash(Account(e), count) == index).ToList();
        var (columns, values) = kql.Contains("Starts = make_list", StringComparison.Ordinal)
            ? RunStarts(rows, kql.Contains("AppKey", StringComparison.Ordinal), DateTimeOffset.Parse(Origin.Match(kql).Groups[1].Value, CultureInfo.InvariantCulture).ToUnixTimeSeconds())
            : Groups(rows);
        if (Reversed)
        {
            values.Reverse();
        }

        var truncated = values.Count > RowCap;
        var json = JsonSerializer.Serialize(new { columns = columns.Select(c => new { name = c.Name, type = c.Type }), rows = values.Take(RowCap) });
        if (!truncated)
        {
            BytesReturned += json.Length;
            var kind = !kql.Contains("Starts = make_list", StringComparison.Ordinal) ? "groups" : kql.Contains("AppKey", StringComparison.Ordinal) ? "app starts" : "starts";
            BytesByQuery[kind] = BytesByQuery.GetValueOrDefault(kind) + json.Length;
            RowsReturned += values.Count;
        }

        var document = JsonDocument.Parse(json);
        var table = new WorkspaceTable(columns, document.RootElement.GetProperty("rows").EnumerateArray().ToList(), document, truncated);
        return Task.FromResult(table);
    }

    /// <summary>The KQL's <c>Account</c>: tolower(UPN, else the object id).</summary>
    public static string Account(SignInEvent e) => (string.IsNullOrEmpty(e.UserPrincipalName) ? e.UserId ?? string.Empty : e.UserPrincipalName!).ToLowerInvariant();

    /// <summary>What one leg of the groups query projects and extends, for one sign-in (also the per-sign-in pull the groups replace).</summary>
    public static object?[] GroupKey(SignInEvent e)
    {
        var result = e.ErrorCode == 0 ? HeadlessKql.Success : SignInFacts.StrongAuthCodes.Contains(e.ErrorCode) ? HeadlessKql.StrongAuthFailure : HeadlessKql.OtherFailure;
        var mfaSteps = e.AuthenticationDetails.Count(d => d.Succeeded == true && (d.AuthenticationStepRequirement ?? string.Empty).Contains("multi", StringComparison.OrdinalIgnoreCase));
        var mfa = result == HeadlessKql.Success && (string.Equals(e.AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase) || mfaSteps > 0);
        return new object?[]
        {
            S(e.UserPrincipalName), S(e.UserId), S(e.AppId), S(e.AppDisplayName), S(e.ResourceDisplayName), S(e.ResourceId), S(e.IpAddress),
            e.AutonomousSystemNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, S(e.UserAgent), S(e.ClientAppUsed), S(e.AuthenticationProtocol),
            S(e.OriginalTransferMethod), e.IsInteractive, !string.IsNullOrEmpty(e.DeviceId), result, mfa,
        };
    }

    private static (List<WorkspaceColumn>, List<object?[]>) Groups(List<SignInEvent> signIns)
    {
        var columns = new[] { ("SignIns", "long"), ("First", "datetime"), ("Last", "datetime"), ("Hours", "dynamic") }
            .Concat(HeadlessKql.GroupKeys.Select(k => (k, k is "IsInteractive" or "HasDevice" or "Mfa" ? "bool" : "string")))
            .Select(c => new WorkspaceColumn(c.Item1, c.Item2)).ToList();
        var rows = signIns.GroupBy(e => string.Join("\u0001", GroupKey(e).Select(v => v switch { null => "<null>", bool b => b ? "true" : "false", _ => v.ToString() })), StringComparer.Ordinal)
            .Select(g => new object?[] { (long)g.Count(), Time(g.Min(e => e.CreatedDateTime)), Time(g.Max(e => e.CreatedDateTime)), g.Select(e => (long)e.CreatedDateTime.UtcDateTime.Hour).Distinct().ToArray() }
                .Concat(GroupKey(g.First())).ToArray())
            .ToList();
        return (columns, rows);
    }

    private static (List<WorkspaceColumn>, List<object?[]>) RunStarts(List<SignInEvent> signIns, bool perApp, long origin)
    {
        var columns = new List<WorkspaceColumn> { new("Account", "string") };
        if (perApp)
        {
            columns.Add(new("AppKey", "string"));
        }

        columns.Add(new("Starts", "dynamic"));
        var rows = signIns.GroupBy(e => perApp ? Account(e) + "\n" + AppKey(e) : Account(e), StringComparer.Ordinal)
            .Select(g =>
            {
                // summarize by key, Second; newest 2048 (Rank); ascending; a start is first or more than 120 s after the one before.
                var seconds = g.Select(e => e.CreatedDateTime.ToUnixTimeSeconds() - origin).Distinct().OrderByDescending(s => s).Take(TimestampSample.Capacity).OrderBy(s => s).ToList();
                var starts = seconds.Where((s, i) => i == 0 || s - seconds[i - 1] > Cadence.RunGapSeconds).ToArray();
                var first = g.First();
                return perApp ? new object?[] { Account(first), AppKey(first), starts } : new object?[] { Account(first), starts };
            })
            .ToList();
        return (columns, rows);
    }

    private static string AppKey(SignInEvent e) =>
        (!string.IsNullOrEmpty(e.AppId) ? e.AppId! : !string.IsNullOrEmpty(e.AppDisplayName) ? e.AppDisplayName! : SignInAggregate.UnknownApp).ToLowerInvariant();

    private static string S(string? value) => value ?? string.Empty;

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // Any deterministic hash partitions the accounts (the simulator's contract says the same); FNV-1a here.
    private static int Hash(string account, int count)
    {
        uint hash = 2166136261;
        foreach (var c in account)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)count);
    }
}
