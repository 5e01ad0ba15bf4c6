using System;
using System.Linq;
using System.Text.Json.Nodes;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>The Log Analytics simulator's KQL evaluator, one construct at a time, on a small hand-made table.</summary>
public sealed class LogAnalyticsEvaluatorTests
{
    private static readonly DateTime T0 = new(2026, 11, 3, 10, 0, 0, DateTimeKind.Utc);

    private static readonly KqlColumn[] Columns =
    {
        new("Upn", KqlType.String), new("ResultType", KqlType.String), new("Created", KqlType.DateTime),
        new("Device", KqlType.Dynamic), new("DeviceText", KqlType.String), new("N", KqlType.Long), new("Ok", KqlType.Bool),
    };

    private static readonly InMemoryTables Tables = new InMemoryTables()
        .Add("T", Columns, new[]
        {
            Row("a@contoso.com", "50074", 0, """{"deviceId":"d1","os":"Windows 10"}""", 5, true),
            Row("A@contoso.com", "0", 1, """{"deviceId":"","os":"iOS"}""", 7, false),
            Row("b@contoso.com", "50076", 2, null, 1, null),
            Row("b@contoso.com", "50074", 3, """{"deviceId":"d2","os":"Windows10"}""", 3, true),
        })
        .Add("Other", new[] { new KqlColumn("Upn", KqlType.String), new KqlColumn("Device", KqlType.String) }, new[] { new object?[] { "c@contoso.com", """{"deviceId":"d3"}""" } });

    private static object?[] Row(string upn, string result, int minutes, string? device, long n, bool? ok) =>
        new object?[] { upn, result, T0.AddMinutes(minutes), device is null ? null : JsonNode.Parse(device), device ?? "", n, ok };

    private static KqlResult Run(string query) => KqlEvaluator.Run(query, Tables, T0);

    private static object?[] Column(KqlResult result, string name) => Enumerable.Range(0, result.Count).Select(r => result[r, name]).ToArray();

    [Fact]
    public void HasMatchesWholeTermsWhileContainsMatchesSubstrings()
    {
        Assert.Equal(new object?[] { "a@contoso.com" }, Column(Run("T | where DeviceText has \"windows\" and DeviceText has \"10\" | project Upn"), "Upn"));
        Assert.Equal(2, Run("T | where DeviceText contains \"windows1\" or DeviceText contains \"WINDOWS 1\"").Count);
        Assert.Equal(0, Run("T | where DeviceText has \"window\"").Count);
        Assert.Equal(3, Run("T | where DeviceText !has \"ios\"").Count);
    }

    [Fact]
    public void EqualityIsCaseSensitiveAndTildeOperatorsAreNot()
    {
        Assert.Equal(1, Run("T | where Upn == \"a@contoso.com\"").Count);
        Assert.Equal(2, Run("T | where Upn =~ \"a@contoso.com\"").Count);
        Assert.Equal(1, Run("T | where Upn in (\"A@CONTOSO.COM\", \"x\") or Upn in (\"A@contoso.com\")").Count);
        Assert.Equal(2, Run("T | where Upn in~ (dynamic([\"A@CONTOSO.COM\", \"nobody\"]))").Count);
        Assert.Equal(2, Run("T | where Upn !in~ (dynamic([\"A@CONTOSO.COM\"]))").Count);
        Assert.Equal(3, Run("T | where ResultType in (\"50074\", \"50076\")").Count);
    }

    [Fact]
    public void ComparisonsWithNullAreFalseAndStringColumnsAreNeverNull()
    {
        Assert.Equal(2, Run("T | where Ok == true").Count);
        Assert.Equal(1, Run("T | where Ok != true").Count);
        Assert.Equal(1, Run("T | where isnull(Ok)").Count);
        Assert.Equal(0, Run("T | where isnull(DeviceText)").Count);
        Assert.Equal(1, Run("T | where isempty(DeviceText)").Count);
        Assert.Equal(2, Run("T | where isnotempty(tostring(Device.deviceId))").Count);
    }

    [Fact]
    public void TostringOfDynamicIsCompactJsonAndTodynamicParsesText()
    {
        var result = Run("T | where Upn == \"b@contoso.com\" and N == 3 | project S = tostring(Device), Id = tostring(todynamic(DeviceText).deviceId), Missing = tostring(Device.nothing)");
        Assert.Equal("""{"deviceId":"d2","os":"Windows10"}""", result[0, "S"]);
        Assert.Equal("d2", result[0, "Id"]);
        Assert.Equal("", result[0, "Missing"]);
        Assert.Equal(KqlType.String, result.Columns[0].Type);
    }

    [Fact]
    public void PropertyAccessOnAStringColumnIsASemanticError()
    {
        var error = Assert.Throws<KqlException>(() => Run("T | project X = DeviceText.deviceId"));
        Assert.Equal("SemanticError", error.InnerCode);
    }

    [Fact]
    public void OuterUnionSplitsAColumnWhoseTypeDiffersBetweenLegs()
    {
        var result = Run("union withsource=Table T, Other | where Upn == \"c@contoso.com\" or Upn == \"a@contoso.com\"");
        var names = result.Columns.Select(c => c.Name).ToArray();
        Assert.Equal("Table", names[0]);
        Assert.Contains("Device_dynamic", names);
        Assert.Contains("Device_string", names);
        Assert.DoesNotContain("Device", names);
        Assert.Equal(new object?[] { "T", "Other" }, Column(result, "Table"));
        Assert.Null(result[1, "N"]);
        Assert.Equal("""{"deviceId":"d3"}""", result[1, "Device_string"]);
        Assert.Null(result[1, "Device_dynamic"]);
    }

    [Fact]
    public void FuzzyUnionDropsAMissingLegAndAPlainUnionFailsWithSem0100()
    {
        Assert.Equal(5, Run("union isfuzzy=true T, Missing, Other").Count);
        Assert.Equal(4, Run("union isfuzzy=true (T | where N > 0), (Missing | where N > 0)").Count);
        var wrongColumn = Assert.Throws<KqlException>(() => Run("union isfuzzy=true (T | where N > 0), (Other | where N > 0)"));
        Assert.Contains("named 'N'", wrongColumn.Message, StringComparison.Ordinal);
        var error = Assert.Throws<KqlException>(() => Run("union T, Missing"));
        Assert.Equal("SEM0100", error.DetailCode);
        Assert.Contains("Failed to resolve table or column expression named 'Missing'", error.Message, StringComparison.Ordinal);
        var column = Assert.Throws<KqlException>(() => Run("T | where Nope == 1"));
        Assert.Equal("'where' operator: Failed to resolve table or column expression named 'Nope'", column.Message);
    }

    [Fact]
    public void SummarizeUsesKustoDefaultColumnNames()
    {
        var result = Run("T | summarize count(), countif(ResultType == \"50074\"), min(N), max(Created), sum(N), dcount(ResultType), make_set(ResultType), make_list(N, 2) by Upn | sort by Upn asc");
        Assert.Equal(new[] { "Upn", "count_", "countif_", "min_N", "max_Created", "sum_N", "dcount_ResultType", "make_set_ResultType", "make_list_N" }, result.Columns.Select(c => c.Name).ToArray());
        Assert.Equal(new object?[] { "A@contoso.com", "a@contoso.com", "b@contoso.com" }, Column(result, "Upn"));
        Assert.Equal(2L, result[2, "count_"]);
        Assert.Equal(1L, result[2, "countif_"]);
        Assert.Equal(1L, result[2, "min_N"]);
        Assert.Equal(T0.AddMinutes(3), result[2, "max_Created"]);
        Assert.Equal(4L, result[2, "sum_N"]);
        Assert.Equal(2L, result[2, "dcount_ResultType"]);
        Assert.Equal("""["50076","50074"]""", ((JsonNode)result[2, "make_set_ResultType"]!).ToJsonString());
        Assert.Equal(KqlType.Dynamic, result.Columns[7].Type);
        Assert.Equal(KqlType.Long, result.Columns[1].Type);
    }

    [Fact]
    public void SummarizeWithoutByGivesOneRowEvenForNoInputAndByAloneIsDistinct()
    {
        var empty = Run("T | where N > 100 | summarize count()");
        Assert.Equal(1, empty.Count);
        Assert.Equal(0L, empty[0, "count_"]);
        Assert.Equal(3, Run("T | summarize by Upn").Count);
        Assert.Equal(3, Run("T | distinct Upn").Count);
        Assert.Equal(4L, Run("T | count")[0, "Count"]);
    }

    [Fact]
    public void SortDefaultsToDescendingAndPrevAndRowNumberFollowTheSortedOrder()
    {
        var result = Run("""
            T
            | sort by Upn asc, N
            | extend Rank = row_number(1, prev(Upn) != Upn), Previous = prev(N)
            | project Upn, N, Rank, Previous
            """);
        Assert.Equal(new object?[] { 7L, 5L, 3L, 1L }, Column(result, "N"));
        Assert.Equal(new object?[] { 1L, 1L, 1L, 2L }, Column(result, "Rank"));
        Assert.Equal(new object?[] { null, 7L, 5L, 3L }, Column(result, "Previous"));
    }

    [Fact]
    public void KeysetPaginationWithStrcmpResumesAfterTheLastRow()
    {
        var result = Run("""
            T
            | where Created < datetime(2026-11-03T10:02:00.0000000Z) or (Created == datetime(2026-11-03T10:02:00.0000000Z) and strcmp(Upn, "c") < 0)
            | sort by Created desc, Upn desc
            | take 2
            """);
        Assert.Equal(new object?[] { T0.AddMinutes(2), T0.AddMinutes(1) }, Column(result, "Created"));
    }

    [Fact]
    public void MvApplyCountsMatchingElementsPerRowAndGivesOneRowForAnEmptyArray()
    {
        var tables = new InMemoryTables().Add("P", new[] { new KqlColumn("Id", KqlType.String), new KqlColumn("Policies", KqlType.String) }, new[]
        {
            new object?[] { "1", """[{"result":"failure"},{"result":"success"},{"result":"failure"}]""" },
            new object?[] { "2", "[]" },
        });
        var result = KqlEvaluator.Run("P | mv-apply Step = todynamic(Policies) on (summarize Failures = countif(tostring(Step.result) == \"failure\")) | project Id, Failures", tables, T0);
        Assert.Equal(new object?[] { "1", "2" }, Column(result, "Id"));
        Assert.Equal(new object?[] { 2L, 0L }, Column(result, "Failures"));
    }

    [Fact]
    public void JoinKindsKeepTheRightRows()
    {
        string right = "(T | summarize Last = max(Created) by Upn)";
        Assert.Equal(4, Run("T | join kind=inner " + right + " on Upn").Count);
        Assert.Contains("Upn1", Run("T | join kind=inner " + right + " on Upn").Columns.Select(c => c.Name));
        Assert.Equal(3, Run("T | join kind=leftsemi (T | where ResultType == \"0\" or N == 1) on Upn").Count);
        Assert.Equal(2, Run("T | join kind=leftanti (T | where N > 4) on $left.Upn == $right.Upn").Count);
    }

    [Fact]
    public void ScalarFunctionsAndLetConstantsEvaluate()
    {
        var result = Run("""
            let start = datetime(2026-11-03T10:00:00Z);
            let codes = dynamic(["50074"]); // a comment
            T
            | where ResultType in (codes) and Created >= start
            | extend Second = datetime_diff("second", Created, datetime(1970-01-01T00:00:00.0000000Z)), Hour = hourofday(Created),
                Bin = bin(Created, 1h), Label = iff(N > 4, "big", "small"), Kind = case(N > 4, "a", N > 2, "b", "c"),
                Parts = array_length(split(Upn, "@")), Up = toupper(substring(Upn, 0, 1)), Later = Created + 1d, Both = strcat(Upn, "/", N)
            | sort by N desc
            """);
        Assert.Equal(2, result.Count);
        Assert.Equal((long)(T0 - DateTime.UnixEpoch).TotalSeconds, result[0, "Second"]);
        Assert.Equal(10L, result[0, "Hour"]);
        Assert.Equal(T0, result[1, "Bin"]);
        Assert.Equal(new object?[] { "big", "small" }, Column(result, "Label"));
        Assert.Equal(new object?[] { "a", "b" }, Column(result, "Kind"));
        Assert.Equal(2L, result[0, "Parts"]);
        Assert.Equal("A", result[0, "Up"]);
        Assert.Equal(T0.AddDays(1), result[0, "Later"]);
        Assert.Equal("a@contoso.com/5", result[0, "Both"]);
    }

    [Fact]
    public void GetschemaListsColumnTypes()
    {
        var result = Run("T | getschema | project ColumnName, ColumnType");
        Assert.Equal(Columns.Select(c => c.Name).ToArray(), Column(result, "ColumnName"));
        Assert.Equal(new object?[] { "string", "string", "datetime", "dynamic", "string", "long", "bool" }, Column(result, "ColumnType"));
    }

    [Theory]
    [InlineData("T | mv-expand Device", "mv-expand")]
    [InlineData("T | make-series count() on Created step 1d", "make-series")]
    [InlineData("T | where Upn hasprefix \"a\"", "hasprefix")]
    [InlineData("T | extend X = series_decompose_anomalies(N)", "series_decompose_anomalies()")]
    public void ConstructsOutsideTheSubsetFailLoudlyNamingThem(string query, string construct)
    {
        var error = Assert.Throws<KqlException>(() => Run(query));
        Assert.Equal("SyntaxError", error.InnerCode);
        Assert.Contains("'" + construct + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopAndColumnIfExistsAndHasAnyAndBetween()
    {
        Assert.Equal(new object?[] { 7L, 5L }, Column(Run("T | top 2 by N | project N"), "N"));
        Assert.Equal(new object?[] { "", "", "", "" }, Column(Run("T | project S = column_ifexists(\"SessionId\", \"\")"), "S"));
        Assert.Equal(2, Run("T | where DeviceText has_any (\"ios\", \"Windows10\")").Count);
        Assert.Equal(2, Run("T | where N between (3 .. 5)").Count);
        Assert.Equal(1, Run("T | where Upn matches regex \"^A@\"").Count);
    }
}
