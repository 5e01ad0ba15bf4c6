using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Workspace.Headless;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>The text of the two workspace queries: escaping, the legs, the filters, the keys and the run-start steps.</summary>
public sealed class HeadlessKqlTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hostile_names_stay_inside_their_string_literals()
    {
        var names = new[] { "o'neil\"; SigninLogs | take 1 //@contoso.com", "back\\slash\"@contoso.com", "tab\there@contoso.com" };
        var scope = new HeadlessKqlScope(Start, Start.AddDays(7)) { UserPrincipalNames = names, ExcludeUserPrincipalNames = new[] { "x\")) or true or (\"@contoso.com" } };

        foreach (var kql in new[] { HeadlessKql.Groups(scope, AccountPartition.Whole), HeadlessKql.RunStarts(scope, perApp: true, AccountPartition.Whole) })
        {
            Assert.Equal(new[] { names, names }, Lists(kql, "UserPrincipalName in~ (dynamic(["));
            Assert.Equal(new[] { new[] { "x\")) or true or (\"@contoso.com" }, new[] { "x\")) or true or (\"@contoso.com" } }, Lists(kql, "UserPrincipalName !in~ (dynamic(["));
            Assert.DoesNotContain("take 1", Code(kql), StringComparison.Ordinal);
            Assert.Equal(Code(kql).Count(c => c == '('), Code(kql).Count(c => c == ')'));
        }
    }

    [Fact]
    public void A_control_character_KQL_cannot_escape_is_refused()
    {
        var scope = new HeadlessKqlScope(Start, Start.AddDays(1)) { AppIds = new[] { "app\u0001id" } };

        Assert.Throws<ArgumentException>(() => HeadlessKql.Groups(scope, AccountPartition.Whole));
    }

    [Fact]
    public void Both_tables_are_read_by_default_each_leg_filtered_and_made_alike_before_the_union()
    {
        var kql = HeadlessKql.Groups(new HeadlessKqlScope(Start, Start.AddDays(14)), AccountPartition.Whole);

        Assert.StartsWith("union\n    (SigninLogs\n", kql, StringComparison.Ordinal);
        Assert.Contains(",\n    (AADNonInteractiveUserSignInLogs\n", kql, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(kql, "| where TimeGenerated >= datetime(2026-10-31T23:00:00.0000000Z) and TimeGenerated < datetime(2026-11-16T00:00:00.0000000Z)"));
        Assert.Equal(2, Occurrences(kql, "| where CreatedDateTime >= datetime(2026-11-01T00:00:00.0000000Z) and CreatedDateTime < datetime(2026-11-15T00:00:00.0000000Z)"));
        Assert.Equal(2, Occurrences(kql, "HasDevice = isnotempty(tostring(todynamic(DeviceDetail).deviceId))"));
        Assert.Equal(2, Occurrences(kql, "AutonomousSystemNumber = tostring(AutonomousSystemNumber)"));
        Assert.Equal(2, Occurrences(kql, "OriginalTransferMethod = tostring(column_ifexists(\"OriginalTransferMethod\", \"\"))"));
        Assert.DoesNotContain("UserPrincipalName in~", kql, StringComparison.Ordinal);
        Assert.DoesNotContain("AppId in~", kql, StringComparison.Ordinal);
        Assert.DoesNotContain("UserType", kql, StringComparison.Ordinal);
        Assert.DoesNotContain("hash(", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filters_go_into_every_leg_and_a_table_left_out_has_no_leg()
    {
        var scope = new HeadlessKqlScope(Start, Start.AddDays(7))
        {
            UserPrincipalNames = new[] { "a@contoso.com" },
            UserIds = new[] { "11111111-1111-1111-1111-111111111111" },
            AppIds = new[] { "1950a258-227b-4e31-a9cf-717495945fc2" },
            ExcludeGuests = true,
            Interactive = false,
        };

        var kql = HeadlessKql.RunStarts(scope, perApp: false, new AccountPartition(4, 2));

        Assert.DoesNotContain("SigninLogs\n", kql.Replace("AADNonInteractiveUserSignInLogs\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("| where UserPrincipalName in~ (dynamic([\"a@contoso.com\"])) or UserId in~ (dynamic([\"11111111-1111-1111-1111-111111111111\"]))", kql, StringComparison.Ordinal);
        Assert.Contains("| where AppId in~ (dynamic([\"1950a258-227b-4e31-a9cf-717495945fc2\"]))", kql, StringComparison.Ordinal);
        Assert.Contains("| where not(UserType =~ \"guest\" or (isnotempty(HomeTenantId) and isnotempty(ResourceTenantId) and HomeTenantId !~ ResourceTenantId))", kql, StringComparison.Ordinal);
        Assert.Contains("| where hash(Account, 4) == 2\n", kql, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HeadlessKql.Groups(new HeadlessKqlScope(Start, Start.AddDays(1)) { Interactive = false, NonInteractive = false }, AccountPartition.Whole));
        Assert.Throws<ArgumentException>(() => new HeadlessKqlScope(Start, Start));
    }

    [Fact]
    public void The_groups_are_by_every_value_scoring_reads_with_the_strong_auth_codes_and_the_mfa_steps()
    {
        var kql = HeadlessKql.Groups(new HeadlessKqlScope(Start, Start.AddDays(1)), AccountPartition.Whole);

        Assert.EndsWith(
            "| summarize SignIns = count(), First = min(CreatedDateTime), Last = max(CreatedDateTime), Hours = make_set(Hour) by UserPrincipalName, UserId, AppId, AppDisplayName, ResourceDisplayName, ResourceIdentity, IPAddress, AutonomousSystemNumber, UserAgent, ClientAppUsed, AuthenticationProtocol, OriginalTransferMethod, IsInteractive, HasDevice, Result, Mfa",
            kql,
            StringComparison.Ordinal);
        Assert.Contains("ResultType in (\"50072\", \"50074\", \"50076\", \"50079\", \"50158\")", kql, StringComparison.Ordinal);
        Assert.Contains("| mv-apply Step = todynamic(AuthSteps) on (summarize MfaSteps = countif(tobool(Step.succeeded) == true and tostring(Step.authenticationStepRequirement) contains \"multi\"))", kql, StringComparison.Ordinal);
        Assert.Contains("AuthSteps = iff(isempty(AuthenticationDetails), \"[]\", AuthenticationDetails)", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_starts_take_the_newest_distinct_seconds_of_each_account_and_app_and_keep_the_starts_of_runs()
    {
        var kql = HeadlessKql.RunStarts(new HeadlessKqlScope(Start.AddMilliseconds(300), Start.AddDays(1)), perApp: true, AccountPartition.Whole);

        Assert.Contains("| summarize by Account, AppKey, Second = datetime_diff(\"second\", CreatedDateTime, datetime(2026-11-01T00:00:00.0000000Z))\n", kql, StringComparison.Ordinal);
        Assert.Contains("| sort by Account asc, AppKey asc, Second desc\n| extend Rank = row_number(1, prev(Account) != Account or prev(AppKey) != AppKey)\n| where Rank <= " + TimestampSample.Capacity + "\n", kql, StringComparison.Ordinal);
        Assert.Contains("| sort by Account asc, AppKey asc, Second asc\n| extend RunStart = prev(Account) != Account or prev(AppKey) != AppKey or Second - prev(Second) > " + Cadence.RunGapSeconds + "\n| where RunStart\n", kql, StringComparison.Ordinal);
        Assert.EndsWith("| summarize Starts = make_list(Second) by Account, AppKey", kql, StringComparison.Ordinal);
        Assert.Contains("iff(isnotempty(AppDisplayName), AppDisplayName, \"(unknown app)\")", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Examples_cover_both_queries_with_and_without_slices_and_filters()
    {
        var examples = HeadlessKql.Examples();

        Assert.Equal(5, examples.Count);
        Assert.Equal(2, examples.Count(k => k.Contains("make_set(Hour)", StringComparison.Ordinal)));
        Assert.Equal(3, examples.Count(k => k.Contains("Starts = make_list(Second)", StringComparison.Ordinal)));
        Assert.Contains(examples, k => k.Contains("hash(Account, 4) == 3", StringComparison.Ordinal));
        Assert.Contains(examples, k => k.Contains("UserType =~ \"guest\"", StringComparison.Ordinal));
        Assert.All(examples, k => Assert.StartsWith("union\n", k, StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string part) => Regex.Count(text, Regex.Escape(part));

    /// <summary>The query with every string literal blanked (KQL escapes honoured): what Kusto reads as code.</summary>
    private static string Code(string kql)
    {
        var code = new StringBuilder();
        for (var i = 0; i < kql.Length; i++)
        {
            if (kql[i] != '"')
            {
                code.Append(kql[i]);
                continue;
            }

            for (i++; i < kql.Length && kql[i] != '"'; i++)
            {
                i += kql[i] == '\\' ? 1 : 0;
            }

            code.Append("\"\"");
        }

        return code.ToString();
    }

    /// <summary>Every list after <paramref name="prefix"/>, its literals read back with the KQL escapes.</summary>
    private static List<string[]> Lists(string kql, string prefix)
    {
        var lists = new List<string[]>();
        for (var at = kql.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = kql.IndexOf(prefix, at + 1, StringComparison.Ordinal))
        {
            var values = new List<string>();
            var i = at + prefix.Length;
            while (kql[i] == '"')
            {
                var value = new StringBuilder();
                for (i++; kql[i] != '"'; i++)
                {
                    if (kql[i] == '\\')
                    {
                        i++;
                        value.Append(kql[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
                    }
                    else
                    {
                        value.Append(kql[i]);
                    }
                }

                values.Add(value.ToString());
                i += kql[i + 1] == ',' ? 2 : 1;
            }

            lists.Add(values.ToArray());
        }

        return lists;
    }
}
