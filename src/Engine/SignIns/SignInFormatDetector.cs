using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>What detection decided, and in words what it saw (for SignInLogFormatUnknown).</summary>
internal readonly struct FormatGuess
{
    public FormatGuess(SignInLogFormat format, string evidence, bool isEmpty = false)
    {
        Format = format;
        Evidence = evidence;
        IsEmpty = isEmpty;
    }

    /// <summary><see cref="SignInLogFormat.Auto"/> when no format matched.</summary>
    public SignInLogFormat Format { get; }

    public string Evidence { get; }

    public bool IsEmpty { get; }
}

/// <summary>
/// Tells the format from the content (never the file name: a ".json" download may be CSV, a ".txt" may hold a Graph
/// page). JSON is recognised by the property names of the first record (or of the wrapper around it), CSV by its
/// header row. Only the first 64 KB are looked at. A binary file is told apart by its share of control bytes, not by
/// one NUL (<see cref="NulBytes"/>).
/// </summary>
internal static class SignInFormatDetector
{
    public const string KnownFormats =
        "Known formats: GraphJson (Graph pages {\"value\":[…]} or an array of signIn objects, as the admin center's JSON download), "
        + "AdminCenterCsv (the admin center's CSV download: \"Date (UTC)\", \"Request ID\", …), "
        + "LogAnalyticsJson and LogAnalyticsCsv (SigninLogs / AADNonInteractiveUserSignInLogs rows: TimeGenerated, ResultType, …), "
        + "LogAnalyticsQueryResult (the query API's {\"tables\":[{\"columns\":[…],\"rows\":[…]}]}), "
        + "DiagnosticArchive (storage account / Event Hub: {\"time\":…,\"category\":…,\"properties\":{…}} per line or in {\"records\":[…]}); "
        + "each may be gzip-compressed.";

    private static readonly HashSet<string> LogAnalyticsOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "TimeGenerated", "ResultType", "ResultDescription", "ResultSignature", "SourceSystem", "LocationDetails",
        "ConditionalAccessPolicies", "ResourceIdentity", "TenantId", "AADTenantId", "OperationName", "Type",
    };

    private static readonly HashSet<string> DiagnosticEnvelope = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "category", "operationName", "resultType", "resourceId", "operationVersion",
    };

    public static FormatGuess Detect(ReadOnlySpan<byte> prefix)
    {
        var start = 0;
        while (start < prefix.Length && prefix[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == prefix.Length)
        {
            return new FormatGuess(SignInLogFormat.Auto, "The input is empty.", isEmpty: true);
        }

        var content = prefix.Slice(start);
        if (content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4)
        {
            return Unknown("The input is a ZIP archive: files are read entry by entry, but a ZIP passed as a stream is not; save it to a file or extract it.");
        }

        if (NulBytes.LooksBinary(content, out var binary))
        {
            return Unknown(binary);
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            // Text with stray NUL bytes: the readers read them as spaces (and warn), so detection does too.
            var copy = content.ToArray();
            NulBytes.Scrub(copy, out _);
            content = copy;
        }

        return content[0] is (byte)'{' or (byte)'['
            ? DetectJson(content)
            : DetectCsv(content);
    }

    private static FormatGuess DetectJson(ReadOnlySpan<byte> content)
    {
        var names = new List<string>();
        bool isWrapper;
        try
        {
            if (!TryReadFirstRecordNames(content, names, out isWrapper))
            {
                return new FormatGuess(SignInLogFormat.GraphJson, "an empty JSON array");
            }
        }
        catch (JsonException ex)
        {
            return Unknown("The input starts with '" + (char)content[0] + "' but is not valid JSON: " + ex.Message);
        }

        if (isWrapper)
        {
            return names.Contains("records", StringComparer.OrdinalIgnoreCase)
                ? new FormatGuess(SignInLogFormat.DiagnosticArchive, "a {\"records\":[…]} wrapper")
                : new FormatGuess(SignInLogFormat.GraphJson, "a Graph page {\"value\":[…]}");
        }

        // The query API's envelope: {"tables":[{"name":"PrimaryResult","columns":[…],"rows":[…]}]}, maybe with "error" or "statistics".
        if (names.Contains("tables", StringComparer.Ordinal) && names.All(n => n is "tables" or "error" or "statistics" or "render"))
        {
            return new FormatGuess(SignInLogFormat.LogAnalyticsQueryResult, "a Log Analytics query result {\"tables\":[…]}");
        }

        if (names.Contains("properties", StringComparer.OrdinalIgnoreCase) && names.Any(DiagnosticEnvelope.Contains))
        {
            return new FormatGuess(SignInLogFormat.DiagnosticArchive, "records with time/category/properties");
        }

        var logAnalytics = names.Count(LogAnalyticsOnly.Contains);
        var graph = names.Count(n => SignInJsonNames.SignIn.TryGet(n, out _));
        if (logAnalytics >= 2 || names.Contains("TimeGenerated", StringComparer.OrdinalIgnoreCase))
        {
            return new FormatGuess(SignInLogFormat.LogAnalyticsJson, "Log Analytics columns");
        }

        if (graph >= 2)
        {
            return new FormatGuess(SignInLogFormat.GraphJson, "Graph signIn properties");
        }

        return Unknown("The input is JSON, but its first record has the properties "
            + (names.Count == 0 ? "(none)" : string.Join(", ", names.Take(20))) + ", which match no sign-in format.");
    }

    /// <summary>
    /// Property names of the first object that is not a page/records wrapper (or of the wrapper itself: then
    /// <paramref name="isWrapper"/>). False for an empty array.
    /// </summary>
    private static bool TryReadFirstRecordNames(ReadOnlySpan<byte> content, List<string> names, out bool isWrapper)
    {
        isWrapper = false;
        // Never the final block: a small file cut off inside its first record still shows its names.
        var reader = new Utf8JsonReader(content, isFinalBlock: false, new JsonReaderState(SignInJsonFieldMapper.ReaderOptions));
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.StartArray && (!reader.Read() || reader.TokenType != JsonTokenType.StartObject))
        {
            return reader.TokenType != JsonTokenType.EndArray && reader.TokenType != JsonTokenType.StartArray;
        }

        // On the first object's '{': collect its property names, stopping where the 64 KB end.
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = reader.SafeGetString()!;
            var wrapperName = name is "value" or "records";
            if (!reader.Read())
            {
                break;
            }

            if (wrapperName && reader.TokenType == JsonTokenType.StartArray && names.All(n => n.StartsWith("@", StringComparison.Ordinal)))
            {
                isWrapper = true;
                names.Add(name);
                return true;
            }

            names.Add(name);
            if (!reader.TrySkip())
            {
                break;
            }
        }

        isWrapper = names.Count > 0 && names.All(n => n.StartsWith("@odata", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    private static FormatGuess DetectCsv(ReadOnlySpan<byte> content)
    {
        var text = Utf8Text.Decode(content);
        var delimiter = CsvDelimiter.Detect(text);
        var csv = new CsvRecordReader(new StringReader(text), delimiter: delimiter);
        List<string>? headers = null;
        while (csv.Read())
        {
            if (csv.IsBlankLine || csv[0].StartsWith("#TYPE".AsSpan(), StringComparison.Ordinal))
            {
                continue;
            }

            headers = [];
            for (var i = 0; i < csv.FieldCount; i++)
            {
                headers.Add(csv[i].ToString());
            }

            break;
        }

        if (headers is null || headers.Count < 2)
        {
            var firstLine = text.Split('\n')[0].TrimEnd('\r');
            return Unknown("The input is neither JSON nor a CSV with a header row (no comma, semicolon or tab splits its first line); it starts with "
                + SignInProblems.Show(firstLine) + ".");
        }

        if (AdminCenterCsvColumns.CountSignatureHeaders(headers) >= 2)
        {
            return new FormatGuess(SignInLogFormat.AdminCenterCsv, "admin center CSV headers");
        }

        var logAnalytics = headers.Count(h => LogAnalyticsColumns.Resolve(h) != SignInField.None);
        if (logAnalytics >= 3 && headers.Any(h => LogAnalyticsColumns.Resolve(h) is SignInField.EventTime or SignInField.ResultType))
        {
            return new FormatGuess(SignInLogFormat.LogAnalyticsCsv, "Log Analytics columns");
        }

        return Unknown("The input looks like CSV (" + CsvDelimiter.Name(delimiter) + "-delimited), but its header has the columns "
            + string.Join(", ", headers.Take(20).Select(h => SignInProblems.Show(h))) + ", which match no sign-in format.");
    }

    private static FormatGuess Unknown(string evidence) => new(SignInLogFormat.Auto, evidence);
}
