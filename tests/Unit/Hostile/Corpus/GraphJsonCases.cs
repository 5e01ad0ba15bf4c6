using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static EntraStrongAuth.Tests.Hostile.Corpus.HostileCorpus;
using static EntraStrongAuth.Tests.Hostile.SignInSamples;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>Graph sign-ins as a JSON array, a {"value":[…]} page and an NDJSON pull, broken every way JSON can be.</summary>
internal static class GraphJsonCases
{
    public static IEnumerable<HostileCase> All()
    {
        var g1 = Graph("good-1");
        var g2 = Graph("good-2");
        var g3 = Graph("good-3");

        // Truncation mid-record: the records before it are kept, the cut one is reported.
        yield return Text("json-array-cut-mid-record", "Graph JSON array", "cut.json", "[\n" + g1 + ",\n" + g2 + ",\n{\"id\":\"bad-1\",\"createdDate") with { Good = 2, Bad = 1 };
        yield return Text("json-page-cut-mid-string", "Graph JSON page", "page.json", Page(g1, g2).Replace("\n]}", ",\n{\"id\":\"bad-1\",\"userAgent\":\"Mozi", StringComparison.Ordinal)) with { Good = 2, Bad = 1 };
        yield return Text("ndjson-cut-last-line", "NDJSON pull", "pull.ndjson", g1 + "\n" + g2 + "\n" + Graph("bad-1").Substring(0, 60)) with { Good = 2, Bad = 1, InModuleSubset = true };
        yield return Text("json-page-without-closing-brackets", "Graph JSON page", "open.json", "{\"value\":[" + g1 + "," + g2) with { Good = 2, Bad = 1 };

        // Syntax errors: NDJSON resumes at the next line; an array cannot, so only the records before it are owed.
        yield return Text("ndjson-malformed-line", "NDJSON pull", "pull.ndjson", Lines(g1, "{\"id\":\"bad-1\",\"createdDateTime\": oops}", g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-array-malformed-record", "Graph JSON array", "array.json", "[" + g1 + ",\n{\"id\":: \"bad-1\"},\n" + Graph("maybe-1") + "]") with { Good = 1, Bad = 1 };
        yield return Text("json-array-trailing-comma", "Graph JSON array", "comma.json", "[" + g1 + "," + g2 + ",]") with { Good = 2 };
        yield return Text("ndjson-record-is-not-an-object", "NDJSON pull", "scalars.ndjson", Lines(g1, "5", "\"bad\"", "null", "[1,[2]]", g2)) with { Good = 2, Bad = 4 };
        yield return Text("json-array-records-not-objects", "Graph JSON array", "scalars.json", "[" + g1 + ",5,\"x\",null,true,[1]," + g2 + "]") with { Good = 2, Bad = 5 };

        // Wrong types: a needed field skips its record, another field is left empty with a problem.
        yield return Text("json-error-code-is-text", "Graph JSON array", "types.json", JsonArray(g1, GraphWith("bad-1", "status", "{\"errorCode\":\"abc\"}").Replace(",\"status\":{\"errorCode\":50076}", "", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-error-code-too-big", "Graph JSON array", "big.json", JsonArray(g1, Graph("bad-1").Replace("50076", "99999999999999999999999", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-time-is-a-number", "Graph JSON array", "time.json", JsonArray(g1, Graph("bad-1").Replace("\"" + Time + "\"", "1735718400", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-time-is-not-a-date", "NDJSON pull", "time.ndjson", Lines(g1, Graph("bad-1").Replace(Time, "2025-13-45T99:00:00Z", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-field-of-wrong-shape", "Graph JSON page", "shape.json", Page(g1, GraphWith("bad-1", "deviceDetail", "[[\"x\"]]"), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-status-is-an-array", "Graph JSON array", "status.json", JsonArray(g1, Graph("bad-1").Replace("{\"errorCode\":50076}", "[50076]", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1 };

        // Out-of-range timestamps: the offset pushes them past DateTimeOffset's range.
        yield return Text("json-time-before-year-1", "Graph JSON array", "min.json", JsonArray(g1, Graph("bad-1").Replace(Time, "0001-01-01T00:00:00+01:00", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1, Defect = 2, InModuleSubset = true };
        yield return Text("json-time-after-year-9999", "NDJSON pull", "max.ndjson", Lines(g1, Graph("bad-1").Replace(Time, "9999-12-31T23:59:59-05:00", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1, Defect = 2 };
        yield return Text("json-auth-step-time-out-of-range", "Graph JSON array", "step.json", JsonArray(g1, GraphWith("bad-1", "authenticationDetails", "[{\"authenticationStepDateTime\":\"9999-12-31T23:59:59-05:00\"}]"), g2)) with { Good = 2, Bad = 1, Defect = 2 };

        // Encodings: invalid UTF-8 must not turn into U+FFFD without a word; UTF-16 with a BOM is read.
        yield return Bytes("json-invalid-utf8-in-value", "Graph JSON array", "latin1.json", Splice(JsonArray(g1, GraphWith("bad-1", "userAgent", "\"M~RAW~ller\""), g2), "~RAW~", 0xFC)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Bytes("json-overlong-utf8-in-value", "NDJSON pull", "overlong.ndjson", Splice(Lines(g1, GraphWith("bad-1", "userAgent", "\"a~RAW~b\""), g2), "~RAW~", 0xC0, 0xAF)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Bytes("json-invalid-utf8-in-name", "NDJSON pull", "name.ndjson", Splice(Lines(g1, GraphWith("bad-1", "app~RAW~Name", "\"x\""), g2), "~RAW~", 0xFF, 0xFE)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Bytes("json-invalid-utf8-in-first-name", "Graph JSON array", "first.json", Splice(JsonArray(GraphWith("bad-1", "app~RAW~Name", "\"x\""), g1, g2), "~RAW~", 0xC0, 0xAF)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Text("json-lone-surrogate-escape", "Graph JSON array", "surrogate.json", JsonArray(g1, GraphWith("maybe-1", "userAgent", "\"\\uD800x\""), g2)) with { Good = 2 }; // the value is kept as its escape text
        yield return Bytes("json-utf16-with-bom", "Graph JSON array", "utf16.json", HostileBytes.Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(JsonArray(g1, g2, g3)))) with { Good = 3 };
        yield return Bytes("json-utf16-without-bom", "Graph JSON array", "utf16-nobom.json", Encoding.Unicode.GetBytes(JsonArray(Graph("bad-1")))) with { Bad = 1, Scope = ProblemScope.File };
        yield return Bytes("json-utf32", "Graph JSON array", "utf32.json", Encoding.UTF32.GetBytes(JsonArray(Graph("bad-1")))) with { Bad = 1, Scope = ProblemScope.File };

        // NUL: a raw NUL is invalid JSON and costs its record, wherever it is; an escaped one is a value like any other.
        yield return Bytes("ndjson-raw-nul-early", "NDJSON pull", "nul.ndjson", Splice(Lines(g1, GraphWith("bad-1", "userAgent", "\"a~RAW~b\""), g2), "~RAW~", 0x00)) with { Good = 2, Bad = 1, Defect = 8, InModuleSubset = true };
        yield return Bytes("ndjson-raw-nul-late", "NDJSON pull", "late-nul.ndjson", Splice(Lines([.. Graphs(1, 1000), GraphWith("bad-1", "userAgent", "\"a~RAW~b\""), .. Graphs(1001, 2)]), "~RAW~", 0x00)) with { Good = 1002, Bad = 1 };
        yield return Text("json-escaped-nul-in-value", "Graph JSON array", "escaped.json", JsonArray(g1, GraphWith("good-2", "userAgent", "\"a\\u0000b\""), g3)) with { Good = 3 };

        // Control characters and formulas: values are data; a message quoting them must escape them.
        yield return Text("json-esc-bel-in-bad-value", "Graph JSON array", "esc.json", JsonArray(g1, Graph("bad-1").Replace("50076", "\"\\u001b[2J\\u001b]0;pwned\\u0007\"", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1, Defect = 12 };
        yield return Text("json-esc-in-good-user-agent", "NDJSON pull", "ua.ndjson", Lines(g1, GraphWith("good-2", "userAgent", "\"\\u001b[31mred\\u0007\""), g3)) with { Good = 3 };
        yield return Text("json-formula-values", "Graph JSON page", "formula.json", Page(g1, GraphWith("good-2", "userAgent", "\"=HYPERLINK(\\\"http://x\\\")\""), GraphWith("good-3", "appDisplayName", "\"+cmd|' /C calc'!A0\""), GraphWith("good-4", "ipAddress", "\"@SUM(1)\""))) with { Good = 4 };

        // Duplicate keys: last-wins must not go unsaid; for a field the classifier reads the record is invalid.
        yield return Text("json-duplicate-status", "Graph JSON array", "dupe.json", JsonArray(g1, Graph("bad-1").Replace("\"status\":{\"errorCode\":50076}", "\"status\":{\"errorCode\":0},\"status\":{\"errorCode\":50076}", StringComparison.Ordinal), g2)) with { Good = 2, Bad = 1, Defect = 10 };
        yield return Text("json-duplicate-user-agent", "NDJSON pull", "dupe.ndjson", Lines(g1, Graph("bad-1", ",\"userAgent\":\"a\",\"userAgent\":\"b\""), g2)) with { Good = 2, Bad = 1, Defect = 10 };

        // Deep nesting, inside a record or around it.
        yield return Text("ndjson-deep-nesting-in-record", "NDJSON pull", "deep.ndjson", Lines(g1, GraphWith("bad-1", "deviceDetail", new string('[', 5000) + new string(']', 5000)), g2)) with { Good = 2, Bad = 1 };
        yield return Text("json-deep-nesting-unclosed", "Graph JSON array", "deep.json", "[" + g1 + "," + g2 + "," + new string('[', 200_000)) with { Good = 2, Bad = 1, InModuleSubset = true };
        yield return Text("json-deep-objects", "NDJSON pull", "objects.ndjson", Lines(g1, GraphWith("bad-1", "deviceDetail", string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000)), g2)) with { Good = 2, Bad = 1 };

        // Huge lines and values below the record cap are read; empty inputs are named as such.
        yield return Text("json-5mb-user-agent", "NDJSON pull", "long.ndjson", Lines(g1, GraphWith("good-2", "userAgent", "\"" + new string('A', 5_000_000) + "\""), g3)) with { Good = 3, InModuleSubset = true };
        yield return Text("json-many-records-one-bad", "NDJSON pull", "many.ndjson", Lines([.. Graphs(1, 1500), "{oops", .. Graphs(1501, 1500)])) with { Good = 3000, Bad = 1 };
        yield return Text("json-empty-file", "Graph JSON", "empty.json", "") with { Bad = 1, Scope = ProblemScope.File, InModuleSubset = true };
        yield return Text("json-whitespace-only", "Graph JSON", "blank.json", " \r\n\t \n") with { Bad = 1, Scope = ProblemScope.File };
        yield return Bytes("json-bom-only", "Graph JSON", "bom.json", [0xEF, 0xBB, 0xBF]) with { Bad = 1, Scope = ProblemScope.File };
        yield return Text("json-page-value-not-array", "Graph JSON page", "value.json", "{\"value\":5}") with { Bad = 1, Scope = ProblemScope.File };

        // The diagnostic-settings archive: the record inside "properties".
        yield return Text("diagnostic-properties-not-object", "Diagnostic archive NDJSON", "diag.json", Lines(Diagnostic("good-1"), Diagnostic("bad-1", "\"text\""), Diagnostic("good-2"))) with { Good = 2, Bad = 1 };
    }
}
