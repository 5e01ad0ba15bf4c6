using System;
using EntraStrongAuth.Core.Workspace.Alerts;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>Both user sign-in tables as one union with the same column types: the columns Kusto would split are normalised in each leg.</summary>
public class UserSignInLegsTests
{
    [Fact]
    public void Both_legs_project_the_same_normalised_columns_and_the_union_reads_them_without_errors()
    {
        var union = UserSignInLegs.Union(new[] { "where ResultType == \"50074\"" });
        Assert.StartsWith("union isfuzzy=true\n    (SigninLogs\n    | where ResultType == \"50074\"\n    | project\n", union, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(union, "DeviceDetail = todynamic(DeviceDetail)"));
        Assert.Equal(2, CountOf(union, "IncomingTokenType = tostring(column_ifexists(\"IncomingTokenType\", \"\"))"));

        KustoLanguageService.AssertNoErrors(new[]
        {
            ("normalised union", union + "\n| extend Device = tostring(DeviceDetail.deviceId), Policy = tostring(ConditionalAccessPolicies[0].displayName), Reason = tostring(Status.failureReason), Token = IncomingTokenType"),
        });
    }

    [Fact]
    public void A_column_subset_keeps_only_those_columns_and_an_unknown_name_is_refused()
    {
        var union = UserSignInLegs.Union(Array.Empty<string>(), new[] { "TimeGenerated", "Status" });
        Assert.Contains("    | project\n        TimeGenerated,\n        Status = todynamic(Status))", union, StringComparison.Ordinal);
        Assert.DoesNotContain("UserAgent", union, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => UserSignInLegs.Union(Array.Empty<string>(), new[] { "NoSuchColumn" }));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
