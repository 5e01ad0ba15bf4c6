using System.Linq;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>The KQL check can fail: unknown columns, type errors, syntax errors and string-number comparisons are reported where they are.</summary>
public class KustoLanguageServiceTests
{
    [Fact]
    public void Bad_queries_are_reported_with_their_name_code_and_place_and_a_good_one_is_clean()
    {
        var found = KustoLanguageService.Check(new[]
        {
            ("unknown column", "SigninLogs\n| where NoSuchColumn == \"x\""),
            ("type error", "SigninLogs | where TimeGenerated > 5"),
            ("syntax error", "SigninLogs | where"),
            ("string number", "SigninLogs | where ResultType == 50074"),
            ("mixed union", "union SigninLogs, AADNonInteractiveUserSignInLogs | extend Device = tostring(DeviceDetail.deviceId)"),
            ("clean", "union isfuzzy=true (SigninLogs | extend DeviceDetail = tostring(DeviceDetail)), AADNonInteractiveUserSignInLogs | where ResultType in (\"50074\", \"50076\") | extend Device = tostring(todynamic(DeviceDetail).deviceId)"),
        });

        var unknown = Assert.Single(found, d => d.QueryName == "unknown column");
        Assert.Equal(("Error", "KS142", 2, 9), (unknown.Severity, unknown.Code, unknown.Line, unknown.Column));
        Assert.Contains("NoSuchColumn", unknown.Message, System.StringComparison.Ordinal);
        Assert.Equal("KS106", Assert.Single(found, d => d.QueryName == "type error").Code);
        Assert.Contains(found, d => d.QueryName == "syntax error" && d.IsError);
        Assert.Equal("ESA001", Assert.Single(found, d => d.QueryName == "string number").Code);
        Assert.Contains(found, d => d.QueryName == "mixed union" && d.Code == "KS142" && d.Message.Contains("DeviceDetail", System.StringComparison.Ordinal));
        Assert.DoesNotContain(found, d => d.QueryName == "clean");
    }

    [Fact]
    public void The_newer_columns_come_from_the_Sentinel_schema_where_the_published_list_lacks_them()
    {
        var found = KustoLanguageService.Check(new[]
        {
            ("non-interactive", "AADNonInteractiveUserSignInLogs | project SessionId, IncomingTokenType, OriginalTransferMethod, SignInEventTypes"),
            ("interactive", "SigninLogs | project IncomingTokenType"),
        });

        Assert.DoesNotContain(found, d => d.QueryName == "non-interactive");
        Assert.Equal("KS142", Assert.Single(found, d => d.QueryName == "interactive").Code);
    }
}
