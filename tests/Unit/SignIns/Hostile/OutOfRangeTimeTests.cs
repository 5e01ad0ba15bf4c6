using System;
using System.Linq;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// A time whose UTC falls outside years 1-9999 once its offset is applied used to throw out of the reader (an
/// unlocated UnexpectedError that ended the command); it is one located SignInFieldInvalid, and the records around it are read.
/// </summary>
public class OutOfRangeTimeTests
{
    public static TheoryData<string> OutOfRange => new() { "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00" };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_graph_record_with_an_out_of_range_createdDateTime_is_one_located_error_between_good_records(string time)
    {
        var text = Record("a", "2025-01-01T00:00:00Z") + "\n" + Record("bad", time) + "\n" + Record("c", "2025-01-02T00:00:00Z") + "\n";

        var items = ReadText(text, "mixed.json");

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInFieldInvalid", problem.ErrorId);
        Assert.Equal(2, problem.Line);
        Assert.Equal(2, problem.Record);
        Assert.Equal("createdDateTime", problem.Field);
        Assert.Contains(time, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_graph_array_keeps_reading_after_an_out_of_range_time(string time)
    {
        var text = "[" + Record("a", "2025-01-01T00:00:00Z") + ",\n" + Record("bad", time) + ",\n" + Record("c", "2025-01-02T00:00:00Z") + "]";

        var items = ReadText(text, "array.json");

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        Assert.Equal(2, Assert.Single(items.Problems()).Line);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_log_analytics_csv_TimeGenerated_out_of_range_is_a_located_error(string time)
    {
        var text = "TimeGenerated,ResultType,UserPrincipalName,Id\r\n"
            + "2025-01-01T00:00:00Z,50076,u@contoso.com,a\r\n"
            + time + ",50076,u@contoso.com,bad\r\n"
            + "2025-01-02T00:00:00Z,50076,u@contoso.com,c\r\n";

        var items = ReadText(text, "la.csv");

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInFieldInvalid", problem.ErrorId);
        Assert.Equal(3, problem.Line);
        Assert.Equal("TimeGenerated", problem.Field);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_log_analytics_query_result_time_out_of_range_is_a_record_error(string time)
    {
        var text = """{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"ResultType","type":"string"},{"name":"Id","type":"string"}],"rows":["""
            + "[\"2025-01-01T00:00:00Z\",\"50076\",\"a\"],[\"" + time + "\",\"50076\",\"bad\"],[\"2025-01-02T00:00:00Z\",\"50076\",\"c\"]]}]}";

        var items = ReadText(text, "query.json");

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInFieldInvalid", problem.ErrorId);
        Assert.Equal(2, problem.Record);
    }

    [Fact]
    public void A_zone_stated_in_the_header_that_moves_year_1_out_of_range_is_a_located_error()
    {
        var text = "Date (UTC+01:00),Request ID,User,Username,Sign-in error code,Status\r\n"
            + "2025-01-01 10:00:00,a,U,u@contoso.com,50076,Failure\r\n"
            + "0001-01-01 00:30:00,bad,U,u@contoso.com,50076,Failure\r\n";

        var items = ReadText(text, "InteractiveSignIns.csv");

        Assert.Equal(["a"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInFieldInvalid", problem.ErrorId);
        Assert.Equal(3, problem.Line);
    }

    private static string Record(string id, string time) =>
        "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + time + "\",\"status\":{\"errorCode\":50076}}";
}
