using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>The Log Analytics query API result: {"tables":[{"name","columns":[{"name","type"}],"rows":[[…]]}]}.</summary>
public class LogAnalyticsQueryResultTests
{
    [Fact]
    public void The_query_result_is_detected_from_its_tables_envelope()
    {
        Assert.Equal(SignInLogFormat.LogAnalyticsQueryResult, SignInLogReader.DetectFormat(SignInFixtures.Path("la-query-result.json")));
    }

    [Fact]
    public void The_fixture_reads_the_same_sign_ins_as_the_rows_it_was_made_from()
    {
        var expected = ReadFixture("la-signinlogs-strings.ndjson").SignIns();

        var items = ReadFixture("la-query-result.json");

        Assert.Empty(items.Problems());
        var actual = items.SignIns();
        Assert.Equal(expected.Select(Key), actual.Select(Key));
        var nonInteractive = actual.Single(s => s.UserPrincipalName == "MeganB@contoso.com");
        Assert.False(nonInteractive.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], nonInteractive.SignInEventTypes);
    }

    [Fact]
    public void Real_msticpy_rows_as_a_query_result_read_like_the_json_export()
    {
        // The 86 real SigninLogs rows, reshaped the way the query API returns them: columns once, rows as arrays,
        // dynamic columns as JSON text (the API's encoding), booleans and numbers as JSON values.
        var rows = JsonDocument.Parse(Text("aad_logons.json")).RootElement.EnumerateArray().ToList();
        var expected = ReadFixture("aad_logons.json").SignIns();

        var actual = ReadText(QueryResult(rows), "query.json");

        Assert.Empty(actual.Problems());
        Assert.Equal(86, actual.SignIns().Count);
        Assert.Equal(expected.Select(Key), actual.SignIns().Select(Key));
        Assert.Equal(
            expected.Select(s => s.AuthenticationDetails.Count + "/" + s.AppliedConditionalAccessPolicies.Count + "/" + s.City),
            actual.SignIns().Select(s => s.AuthenticationDetails.Count + "/" + s.AppliedConditionalAccessPolicies.Count + "/" + s.City));
    }

    [Fact]
    public void A_big_result_is_streamed_through_small_reads_and_buffer_refills()
    {
        var rows = JsonDocument.Parse(Text("aad_logons.json")).RootElement.EnumerateArray().ToList();
        var many = Enumerable.Range(0, 20).SelectMany(_ => rows).ToList();
        var bytes = Encoding.UTF8.GetBytes(QueryResult(many));
        Assert.True(bytes.Length > 4 * 64 * 1024, "the result must span several buffers");

        var items = SignInLogReader.ReadStream(new TrickleStream(bytes, 1000), "slow.json", SignInLogFormat.Auto, CancellationToken.None).ToList();

        Assert.Empty(items.Problems());
        Assert.Equal(86 * 20, items.SignIns().Count);
    }

    [Fact]
    public void A_cut_off_result_reports_truncation_after_the_rows_before_it()
    {
        var text = Text("la-query-result.json");
        var cut = text.Substring(0, text.LastIndexOf("\n[", StringComparison.Ordinal) + 40);

        var items = ReadText(cut, "cut.json");

        Assert.Single(items.SignIns());
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInLogTruncated", problem.ErrorId);
        Assert.Equal(2, problem.Record);
    }

    [Fact]
    public void A_row_with_too_few_cells_is_reported_and_read_as_far_as_it_goes()
    {
        const string json = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"ResultType","type":"string"},{"name":"UserPrincipalName","type":"string"}],
            "rows":[["2025-03-04T09:15:22Z","50076","a@contoso.com"],["2025-03-04T09:16:00Z","50074"]]}]}
            """;

        var items = ReadText(json, "q.json");

        Assert.Equal([50076, 50074], items.SignIns().Select(s => s.ErrorCode));
        Assert.Null(items.SignIns()[1].UserPrincipalName);
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInRecordInvalid", problem.ErrorId);
        Assert.Equal(2, problem.Record);
        Assert.Contains("2 cells where the table has 3 columns", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_cell_names_its_column_and_row()
    {
        const string json = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"ResultType","type":"string"},{"name":"IsInteractive","type":"bool"}],
            "rows":[["2025-03-04T09:15:22Z","50076","maybe"]]}]}
            """;

        var items = ReadText(json, "q.json");

        var problem = Assert.Single(items.Problems());
        Assert.Equal(("SignInFieldInvalid", "IsInteractive", 1L), (problem.ErrorId, problem.Field, problem.Record));
        Assert.Null(Assert.Single(items.SignIns()).IsInteractive);
    }

    [Fact]
    public void A_table_without_sign_in_columns_is_reported_and_a_partial_error_too()
    {
        const string json = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"Category","type":"string"},{"name":"count_","type":"long"}],"rows":[["Administrative",20839]]}],
             "error":{"code":"PartialError","message":"Query result size limit exceeded"}}
            """;

        var problems = ReadText(json, "q.json").Problems();

        Assert.Equal(["SignInLogFormatUnknown", "SignInRecordInvalid", "SignInLogEmpty"], problems.Select(p => p.ErrorId));
        Assert.Contains("Category, count_", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("PartialError", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_dynamic_values_read_like_json_text()
    {
        const string json = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"ResultType","type":"string"},{"name":"LocationDetails","type":"dynamic"},{"name":"AutonomousSystemNumber","type":"int"}],
            "rows":[["2025-03-04T09:15:22Z","50076",{"city":"Seattle","countryOrRegion":"US"},8075]]}]}
            """;

        var signIn = Assert.Single(ReadText(json, "q.json").SignIns());

        Assert.Equal(("Seattle", "US", 8075L), (signIn.City, signIn.CountryOrRegion, signIn.AutonomousSystemNumber));
    }

    [Theory]
    [InlineData("graph-v1-page.json", "has no \"tables\" array")]
    [InlineData("admin-center-signins.json", "starts with StartArray instead of an object")]
    public void Forcing_the_format_on_another_kind_of_json_says_what_is_wrong(string fixture, string expected)
    {
        var items = ReadFixture(fixture, SignInLogFormat.LogAnalyticsQueryResult);

        Assert.Empty(items.SignIns());
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    private static string Key(SignInEvent s) =>
        string.Join("|", s.Id, s.CreatedDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), s.ErrorCode, s.UserPrincipalName, s.AppId, s.IsInteractive, s.AuthenticationRequirement, s.ConditionalAccessStatus, s.ResourceId);

    /// <summary>Rows (JSON objects with the same columns) in the query API's shape.</summary>
    private static string QueryResult(IReadOnlyList<JsonElement> rows)
    {
        var columns = rows[0].EnumerateObject().Select(p => p.Name).ToList();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("tables");
            w.WriteStartObject();
            w.WriteString("name", "PrimaryResult");
            w.WriteStartArray("columns");
            foreach (var column in columns)
            {
                w.WriteStartObject();
                w.WriteString("name", column);
                w.WriteString("type", rows[0].GetProperty(column).ValueKind switch
                {
                    JsonValueKind.Object or JsonValueKind.Array => "dynamic",
                    JsonValueKind.True or JsonValueKind.False => "bool",
                    JsonValueKind.Number => "long",
                    _ => "string",
                });
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in rows)
            {
                w.WriteStartArray();
                foreach (var column in columns)
                {
                    var value = row.GetProperty(column);
                    if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        w.WriteStringValue(value.GetRawText());
                    }
                    else
                    {
                        value.WriteTo(w);
                    }
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class TrickleStream(byte[] content, int step) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }
}
