using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>Pulls (id, error code) out of each generated format the way a reader of that format would find them.</summary>
internal static class SignInFiles
{
    public static IReadOnlyList<(string Id, int ErrorCode)> Read(string format, string path) => format switch
    {
        "graph-json" or "admin-json" => FromArray(path, e => (e.GetProperty("id").GetString()!, e.GetProperty("status").GetProperty("errorCode").GetInt32())),
        "graph-pages" => Lines(path).SelectMany(page => page.GetProperty("value").EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("status").GetProperty("errorCode").GetInt32()))).ToList(),
        "la-json" => FromArray(path, e => (e.GetProperty("Id").GetString()!, Code(e.GetProperty("ResultType").GetString()!))),
        "diag-archive" => Lines(path).Select(r => (r.GetProperty("properties").GetProperty("id").GetString()!, Code(r.GetProperty("resultType").GetString()!))).ToList(),
        "admin-csv" => FromCsv(path, "Request ID", "Sign-in error code"),
        "la-csv" => FromCsv(path, "Id", "ResultType"),
        _ => throw new ArgumentException(format),
    };

    public static IEnumerable<JsonElement> Lines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement);

    public static List<JsonElement> Array(string path) =>
        JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.EnumerateArray().ToList();

    private static List<(string, int)> FromArray(string path, Func<JsonElement, (string, int)> select) => Array(path).Select(select).ToList();

    private static List<(string, int)> FromCsv(string path, string idColumn, string codeColumn)
    {
        var table = CsvTable.Read(path);
        int id = table.Column(idColumn), code = table.Column(codeColumn);
        return table.Rows.Select(r => (r[id], Code(r[code]))).ToList();
    }

    private static int Code(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
