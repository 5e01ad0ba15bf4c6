using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraStrongAuth.GraphSimulator;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>
/// The query shapes the module emits (the KQL-subset contract's examples) run against the generated tenant's
/// workspace, each answer checked against LINQ over the same tenant's Graph sign-ins (the ground truth).
/// </summary>
[Collection(SimulatorDataGroup.Name)]
public sealed class LogAnalyticsWorkspaceTruthTests(SimulatorData data)
{
    private const string Window = "| where TimeGenerated >= datetime(2026-11-01T00:00:00.0000000Z) and TimeGenerated < datetime(2026-12-02T00:00:00.0000000Z)";
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private KqlResult Run(string query) => KqlEvaluator.Run(query, data.Tenant.LogAnalytics, Now);

    private static string Leg(string table, string body) => "(" + table + "\n" + Window + "\n" + body + ")";

    private static string Union(string body) => "union\n" + Leg("SigninLogs", body) + ",\n" + Leg("AADNonInteractiveUserSignInLogs", body);

    [Fact]
    public void EachTableHoldsItsKindOfSignIn()
    {
        Assert.Equal((long)data.Tenant.SignIns.Count(s => s.IsInteractiveUser), Run("SigninLogs | count")[0, "Count"]);
        Assert.Equal((long)data.Tenant.SignIns.Count(s => !s.IsInteractiveUser), Run("AADNonInteractiveUserSignInLogs | count")[0, "Count"]);
        Assert.Equal(0L, Run("union AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs | count")[0, "Count"]);
        var byType = Run("union SigninLogs, AADNonInteractiveUserSignInLogs | summarize count() by Type, IsInteractive | sort by Type asc");
        Assert.Equal(new object?[] { "AADNonInteractiveUserSignInLogs", false }, new[] { byType[0, "Type"], byType[0, "IsInteractive"] });
        Assert.Equal(new object?[] { "SigninLogs", true }, new[] { byType[1, "Type"], byType[1, "IsInteractive"] });
    }

    [Fact]
    public void SchemaProbeGivesThePublishedTypes()
    {
        var schema = Run("SigninLogs | getschema | project ColumnName, ColumnType");
        var types = Enumerable.Range(0, schema.Count).ToDictionary(r => (string)schema[r, 0]!, r => (string)schema[r, 1]!);

        foreach (string column in new[] { "ConditionalAccessPolicies", "DeviceDetail", "LocationDetails", "MfaDetail", "Status" })
        {
            Assert.Equal("dynamic", types[column]);
        }

        Assert.Equal("string", types["ResultType"]);
        Assert.Equal("string", types["AuthenticationDetails"]);
        Assert.Equal("datetime", types["CreatedDateTime"]);
        Assert.Equal("bool", types["IsInteractive"]);
        Assert.Equal("long", types["DurationMs"]);
        Assert.DoesNotContain("_BilledSize", types.Keys);
    }

    [Fact]
    public void KeysetPagesNewestFirstGiveExactlyTheInterruptsOfTheChosenUsers()
    {
        var failures = data.Tenant.SignIns.Where(s => s.ErrorCode is 50074 or 50076).ToArray();
        var users = failures.Select(s => s.UserPrincipalName!).Distinct().Take(4).ToArray();
        var expected = failures.Where(s => users.Contains(s.UserPrincipalName, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.CreatedDateTime).ThenByDescending(s => s.Id, StringComparer.Ordinal).Select(s => s.Id).ToArray();
        Assert.True(expected.Length > 10, "the tenant needs interrupts to page through");

        // UPNs upper-cased: in~ must still find them.
        string userList = "dynamic([" + string.Join(", ", users.Select(u => "\"" + u.ToUpperInvariant() + "\"")) + "])";
        var ids = new List<string>();
        string? keyset = null;
        while (true)
        {
            string body = $"""
                | where ResultType in ("50074", "50076")
                | where UserPrincipalName in~ ({userList}) or UserId in~ (dynamic(["none"]))
                {keyset}
                | project Type, CreatedDateTime, Id, CorrelationId, UserPrincipalName, ResultType, ConditionalAccessPolicies = tostring(ConditionalAccessPolicies)
                """;
            var page = Run(Union(body) + "\n| sort by CreatedDateTime desc, Id desc\n| take 7");
            ids.AddRange(Enumerable.Range(0, page.Count).Select(r => (string)page[r, "Id"]!));
            if (page.Count < 7)
            {
                break;
            }

            var last = (DateTime)page[page.Count - 1, "CreatedDateTime"]!;
            string at = "datetime(" + last.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + ")";
            keyset = $"| where CreatedDateTime < {at} or (CreatedDateTime == {at} and strcmp(Id, \"{page[page.Count - 1, "Id"]}\") < 0)";
        }

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void ConditionalAccessPoliciesAgreeWithGraphInBothTablesAfterTostring()
    {
        var result = Run(Union("| project Id, Policies = tostring(ConditionalAccessPolicies), HasDevice = isnotempty(tostring(todynamic(DeviceDetail).deviceId))"));
        Assert.Equal(data.Tenant.SignIns.Count, result.Count);
        var byId = data.Tenant.SignIns.ToDictionary(s => s.Id);
        for (int row = 0; row < result.Count; row++)
        {
            using var graph = JsonDocument.Parse(byId[(string)result[row, "Id"]!].Json);
            int graphPolicies = graph.RootElement.TryGetProperty("appliedConditionalAccessPolicies", out var applied) ? applied.GetArrayLength() : 0;
            Assert.Equal(graphPolicies, JsonNode.Parse((string)result[row, "Policies"]!)!.AsArray().Count);
            bool graphDevice = graph.RootElement.GetProperty("deviceDetail").TryGetProperty("deviceId", out var device) && device.GetString() is { Length: > 0 };
            Assert.Equal(graphDevice, result[row, "HasDevice"]);
        }
    }

    [Fact]
    public void PerAccountGroupsMatchTheSignInsGroupedInLinq()
    {
        var result = Run(Union("| project UserPrincipalName, AppId, CreatedDateTime") + """

            | extend Hour = hourofday(CreatedDateTime)
            | summarize SignIns = count(), First = min(CreatedDateTime), Last = max(CreatedDateTime), Hours = make_set(Hour) by UserPrincipalName, AppId
            """);
        var expected = data.Tenant.SignIns.GroupBy(s => (s.UserPrincipalName ?? "", s.AppId ?? "")).ToDictionary(g => g.Key);

        Assert.Equal(expected.Count, result.Count);
        for (int row = 0; row < result.Count; row++)
        {
            var group = expected[((string)result[row, "UserPrincipalName"]!, (string)result[row, "AppId"]!)];
            Assert.Equal((long)group.Count(), result[row, "SignIns"]);
            Assert.Equal(group.Min(s => s.CreatedDateTime).UtcDateTime, result[row, "First"]);
            Assert.Equal(group.Max(s => s.CreatedDateTime).UtcDateTime, result[row, "Last"]);
            var hours = ((JsonArray)result[row, "Hours"]!).Select(h => h!.GetValue<long>()).OrderBy(h => h);
            Assert.Equal(group.Select(s => (long)s.CreatedDateTime.UtcDateTime.Hour).Distinct().OrderBy(h => h), hours);
        }
    }

    [Fact]
    public void RunStartsMatchTheCadenceWorkedOutInLinq()
    {
        var result = Run(Union("| project UserPrincipalName, CreatedDateTime") + """

            | summarize by UserPrincipalName, Second = datetime_diff("second", CreatedDateTime, datetime(1970-01-01T00:00:00.0000000Z))
            | sort by UserPrincipalName asc, Second desc
            | extend Rank = row_number(1, prev(UserPrincipalName) != UserPrincipalName)
            | where Rank <= 5
            | sort by UserPrincipalName asc, Second asc
            | extend RunStart = prev(UserPrincipalName) != UserPrincipalName or Second - prev(Second) > 120
            | where RunStart
            | summarize Starts = make_list(Second) by UserPrincipalName
            """);

        var expected = data.Tenant.SignIns.GroupBy(s => s.UserPrincipalName ?? "").ToDictionary(g => g.Key, g =>
        {
            var seconds = g.Select(s => s.CreatedDateTime.ToUnixTimeSeconds()).Distinct().OrderByDescending(x => x).Take(5).OrderBy(x => x).ToArray();
            return seconds.Where((x, i) => i == 0 || x - seconds[i - 1] > 120).ToArray();
        });
        Assert.Equal(expected.Count, result.Count);
        for (int row = 0; row < result.Count; row++)
        {
            var starts = ((JsonArray)result[row, "Starts"]!).Select(x => x!.GetValue<long>()).ToArray();
            Assert.Equal(expected[(string)result[row, "UserPrincipalName"]!], starts);
        }
    }

    [Fact]
    public void MfaCountsPerAccountWithMvApplyAgreeWithGraph()
    {
        var result = Run(Union("| project Id, AuthenticationDetails") + """

            | mv-apply Step = todynamic(AuthenticationDetails) on (summarize Steps = countif(isnotempty(tostring(Step.authenticationMethod))))
            | project Id, Steps
            """);
        var byId = data.Tenant.SignIns.ToDictionary(s => s.Id);
        Assert.Equal(data.Tenant.SignIns.Count, result.Count);
        for (int row = 0; row < result.Count; row++)
        {
            using var graph = JsonDocument.Parse(byId[(string)result[row, "Id"]!].Json);
            long expected = graph.RootElement.TryGetProperty("authenticationDetails", out var steps)
                ? steps.EnumerateArray().Count(s => s.TryGetProperty("authenticationMethod", out var m) && m.GetString() is { Length: > 0 })
                : 0;
            Assert.Equal(expected, result[row, "Steps"]);
        }
    }
}
