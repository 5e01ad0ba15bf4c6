using System;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// Minimal valid sign-in records in each format the readers take, all strong-authentication failures (50076) so the
/// module's Get-StrongAuthFailure emits one finding per record read. Hostile cases splice bad records between them.
/// </summary>
internal static class SignInSamples
{
    public const string Time = "2025-01-01T08:00:00Z";
    public const string AppId = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";

    // Graph beta signIn (JSON array, {"value":[…]} page, NDJSON pull).
    public static string Graph(string id, string extra = "") =>
        "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + Time + "\",\"userPrincipalName\":\"" + id + "@contoso.com\",\"appId\":\"" + AppId
        + "\",\"appDisplayName\":\"Teams\",\"status\":{\"errorCode\":50076}" + extra + "}";

    /// <summary>A Graph record whose named property carries <paramref name="json"/> (raw JSON text) instead of a good value.</summary>
    public static string GraphWith(string id, string property, string json) =>
        "{\"id\":\"" + id + "\",\"createdDateTime\":\"" + Time + "\",\"userPrincipalName\":\"" + id + "@contoso.com\",\"status\":{\"errorCode\":50076},\"" + property + "\":" + json + "}";

    public static string[] Graphs(int from, int count) => Enumerable.Range(from, count).Select(i => Graph("good-" + i)).ToArray();

    public static string JsonArray(params string[] records) => "[\n" + string.Join(",\n", records) + "\n]\n";

    public static string Page(params string[] records) =>
        "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[\n" + string.Join(",\n", records) + "\n]}\n";

    public static string Lines(params string[] records) => string.Join("\n", records) + "\n";

    // Diagnostic settings archive: an envelope per line, the Graph record in "properties".
    public static string Diagnostic(string id, string properties = "") =>
        "{\"time\":\"" + Time + "\",\"category\":\"SignInLogs\",\"operationName\":\"Sign-in activity\",\"properties\":"
        + (properties.Length > 0 ? properties : Graph(id)) + "}";

    // The admin center's CSV download.
    public const string AdminHeader = "\"Date (UTC)\",\"Request ID\",\"Sign-in error code\",\"Username\",\"User agent\"";

    public static string Admin(string id, string code = "50076", string userAgent = "Mozilla/5.0", string date = "2025-01-01T08:00:00Z") =>
        date + "," + id + "," + code + "," + id + "@contoso.com," + Quote(userAgent);

    public static string Csv(string header, params string[] rows) => header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public static string[] Admins(int from, int count) => Enumerable.Range(from, count).Select(i => Admin("good-" + i)).ToArray();

    // Log Analytics CSV export (SigninLogs columns).
    public const string LogAnalyticsHeader = "TimeGenerated [UTC],Id,ResultType,UserPrincipalName,AppDisplayName,AuthenticationDetails";

    public static string LogAnalytics(string id, string time = "2025-01-01T08:00:00Z", string resultType = "50076", string details = "[]") =>
        time + "," + id + "," + resultType + "," + id + "@contoso.com,Teams," + Quote(details);

    public static string[] LogAnalyticsRows(int from, int count) => Enumerable.Range(from, count).Select(i => LogAnalytics("good-" + i)).ToArray();

    // Log Analytics JSON export: one row object per record.
    public static string LogAnalyticsJson(string id, string extra = "") =>
        "{\"TimeGenerated\":\"" + Time + "\",\"Id\":\"" + id + "\",\"ResultType\":\"50076\",\"UserPrincipalName\":\"" + id + "@contoso.com\",\"AppDisplayName\":\"Teams\"" + extra + "}";

    // The Log Analytics query API result: columns once, rows as arrays.
    public const string QueryColumns =
        "[{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"Id\",\"type\":\"string\"},{\"name\":\"ResultType\",\"type\":\"string\"},{\"name\":\"UserPrincipalName\",\"type\":\"string\"}]";

    public static string QueryRow(string id, string time = Time, string resultType = "50076") =>
        "[\"" + time + "\",\"" + id + "\",\"" + resultType + "\",\"" + id + "@contoso.com\"]";

    public static string Query(params string[] rows) => QueryTables(QueryColumns, rows);

    public static string QueryTables(string columns, params string[] rows) =>
        "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":" + columns + ",\"rows\":[\n" + string.Join(",\n", rows) + "\n]}]}\n";

    public static string[] QueryRows(int from, int count) => Enumerable.Range(from, count).Select(i => QueryRow("good-" + i)).ToArray();

    public static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
