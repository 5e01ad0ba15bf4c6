using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.BrowserTests.Reports;

/// <summary>
/// A Graph sign-in file whose text fields carry markup and script: real failing records from the samples, one per
/// payload, with the payload in every field a report might show (app, user agent, failure reason, UPN, name).
/// </summary>
internal static class HostileSignIns
{
    /// <summary>Each sets window.__pwned if it ever runs, so "nothing ran" is a check on a value, not on silence.</summary>
    public static readonly IReadOnlyList<string> Payloads =
    [
        "<script>window.__pwned=1</script>",
        "\"><img src=x onerror=\"window.__pwned=1\">",
        "'><svg onload=\"window.__pwned=1\">",
        "</script><script>window.__pwned=1</script>",
        "<!--",
        "javascript:window.__pwned=1",
        "line\u2028separator\u2029paragraph",
    ];

    /// <summary>10 KB of text in one field (a cell may shorten it; the page must survive it).</summary>
    public static readonly string LongText = "<b>long</b>" + new string('x', 10 * 1024);

    /// <summary>A report title that is itself a payload: the cmdlet's own parameters are text too.</summary>
    public const string Title = "<script>window.__pwned=1</script> Hostile report";

    public static void Write(string samplesFile, string path)
    {
        // MFA demanded, or registration demanded: failures that always need action, so every payload reaches the
        // failures table (a benign interrupt such as 50199 would only be counted).
        var failing = JsonNode.Parse(File.ReadAllText(samplesFile))!.AsArray()
            .Where(r => r!["status"]!["errorCode"]!.GetValue<int>() is 50076 or 50079)
            .ToList();
        var hostile = new JsonArray();
        var texts = Payloads.Append(LongText).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            var record = failing[i % failing.Count]!.DeepClone();
            var text = texts[i];
            record["id"] = Guid.NewGuid().ToString();
            record["correlationId"] = Guid.NewGuid().ToString();
            record["appDisplayName"] = text;
            record["userAgent"] = text;
            record["userPrincipalName"] = text;
            record["userDisplayName"] = text;
            record["status"]!["failureReason"] = text;
            hostile.Add(record);
        }

        File.WriteAllText(path, hostile.ToJsonString());
    }
}
