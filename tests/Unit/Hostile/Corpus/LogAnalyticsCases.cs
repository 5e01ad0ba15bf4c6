using System;
using System.Collections.Generic;
using static EntraStrongAuth.Tests.Hostile.Corpus.HostileCorpus;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>Log Analytics exports (CSV, JSON rows) and the query API's {"tables":[…]} result, broken.</summary>
internal static class LogAnalyticsCases
{
    private const string CsvInput = "Log Analytics CSV";
    private const string JsonInput = "Log Analytics JSON";
    private const string QueryInput = "Log Analytics query result";

    public static IEnumerable<HostileCase> All()
    {
        var r1 = LogAnalytics("good-1");
        var r2 = LogAnalytics("good-2");

        yield return Text("la-csv-time-before-year-1", CsvInput, "min.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("bad-1", time: "0001-01-01T00:00:00+01:00"), r2)) with { Good = 2, Bad = 1, Defect = 2, InModuleSubset = true };
        yield return Text("la-csv-time-after-year-9999", CsvInput, "max.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("bad-1", time: "9999-12-31T23:59:59-05:00"), r2)) with { Good = 2, Bad = 1, Defect = 2 };
        yield return Text("la-csv-result-type-wrong", CsvInput, "type.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("bad-1", resultType: "fifty"), r2)) with { Good = 2, Bad = 1 };
        yield return Text("la-csv-cut-mid-row", CsvInput, "cut.csv", Csv(LogAnalyticsHeader, r1, r2) + "2025-01-01T08:00:00Z,bad-1,500") with { Good = 2, Bad = 1 };
        yield return Text("la-csv-broken-dynamic-json", CsvInput, "dynamic.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("good-2", details: "[{\"authenticationMethod\":"), LogAnalytics("good-3"))) with { Good = 3, Bad = 1 };
        yield return Text("la-csv-deep-dynamic-json", CsvInput, "deep.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("good-2", details: new string('[', 100_000)), LogAnalytics("good-3"))) with { Good = 3, Bad = 1 };
        yield return Text("la-csv-lone-surrogate-in-dynamic-json", CsvInput, "surrogate.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("good-2", details: "[{\"authenticationMethod\":\"\\uD800\"}]"), LogAnalytics("good-3"))) with { Good = 3 }; // the value is kept as its escape text
        yield return Text("la-csv-esc-in-bad-time", CsvInput, "esc.csv", Csv(LogAnalyticsHeader, r1, LogAnalytics("bad-1", time: "\u001b[2J\u0007"), r2)) with { Good = 2, Bad = 1, Defect = 12 };

        var j1 = LogAnalyticsJson("good-1");
        var j2 = LogAnalyticsJson("good-2");
        yield return Text("la-json-cut-mid-row", JsonInput, "cut.json", "[" + j1 + ",\n" + j2 + ",\n{\"TimeGenerated\":\"2025") with { Good = 2, Bad = 1, InModuleSubset = true };
        yield return Text("la-json-dynamic-string-broken", JsonInput, "dyn.json", JsonArray(j1, LogAnalyticsJson("good-2", ",\"DeviceDetail\":\"{\\\"operatingSystem\\\":\""), LogAnalyticsJson("good-3"))) with { Good = 3, Bad = 1 };
        yield return Text("la-json-result-type-object", JsonInput, "obj.json", JsonArray(j1, LogAnalyticsJson("bad-1").Replace("\"ResultType\":\"50076\"", "\"ResultType\":{\"a\":1}", StringComparison.Ordinal), j2)) with { Good = 2, Bad = 1 };
        yield return Text("la-json-duplicate-result-type", JsonInput, "dupe.json", Lines(j1, LogAnalyticsJson("bad-1").Replace("\"ResultType\":\"50076\"", "\"ResultType\":\"0\",\"ResultType\":\"50076\"", StringComparison.Ordinal), j2)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Text("la-json-time-generated-out-of-range", JsonInput, "range.json", Lines(j1, LogAnalyticsJson("bad-1").Replace(Time, "0001-01-01T00:00:00+01:00", StringComparison.Ordinal), j2)) with { Good = 2, Bad = 1, Defect = 2 };

        yield return Text("query-cut-mid-row", QueryInput, "cut.json", Query(QueryRow("good-1"), QueryRow("good-2")).Replace("\n]}]}\n", ",\n[\"2025-01-01T08:00:00Z\",\"bad-1\",\"500", StringComparison.Ordinal)) with { Good = 2, Bad = 1 };
        yield return Text("query-row-too-short", QueryInput, "short.json", Query(QueryRow("good-1"), "[\"2025-01-01T08:00:00Z\",\"bad-1\"]", QueryRow("good-2"))) with { Good = 2, Bad = 1, InModuleSubset = true };
        yield return Text("query-row-not-an-array", QueryInput, "scalar.json", Query(QueryRow("good-1"), "5", "{\"a\":1}", QueryRow("good-2"))) with { Good = 2, Bad = 2 };
        yield return Text("query-result-type-wrong", QueryInput, "type.json", Query(QueryRow("good-1"), QueryRow("bad-1", resultType: "[1]"), QueryRow("good-2"))) with { Good = 2, Bad = 1 };
        yield return Text("query-time-out-of-range", QueryInput, "range.json", Query(QueryRow("good-1"), QueryRow("bad-1", time: "9999-12-31T23:59:59-05:00"), QueryRow("good-2"))) with { Good = 2, Bad = 1, Defect = 2 };
        yield return Text("query-columns-not-an-array", QueryInput, "columns.json", QueryTables("\"TimeGenerated\"", QueryRow("bad-1"))) with { Bad = 1, Scope = ProblemScope.File };
        yield return Text("query-no-columns", QueryInput, "nocolumns.json", "{\"tables\":[{\"name\":\"PrimaryResult\",\"rows\":[" + QueryRow("bad-1") + "]}]}") with { Bad = 1, Scope = ProblemScope.File };
        yield return Text("query-second-table-broken", QueryInput, "tables.json", "{\"tables\":[{\"name\":\"A\",\"columns\":" + QueryColumns + ",\"rows\":[" + QueryRow("good-1") + "]},{\"name\":\"B\",\"columns\":5,\"rows\":[" + QueryRow("bad-1") + "]},{\"name\":\"C\",\"columns\":" + QueryColumns + ",\"rows\":[" + QueryRow("good-2") + "]}]}") with { Good = 2, Bad = 1, Scope = ProblemScope.File };
    }
}
