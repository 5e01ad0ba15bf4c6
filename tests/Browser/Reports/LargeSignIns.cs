using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace EntraStrongAuth.BrowserTests.Reports;

/// <summary>
/// A synthetic Graph sign-in file of only failures, a few users and apps over two weeks, with just the fields the
/// analysis reads, so 100,000 records stay near 60 MB (the generator's full records would be over a gigabyte).
/// </summary>
internal static class LargeSignIns
{
    public const int Failures = 100_000;

    private static readonly string[] Users = ["ava.north", "ben.south", "cara.east", "dev.west", "svc-batch"];

    private static readonly (string Name, string Id)[] Apps =
    [
        ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"),
        ("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"),
        ("Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"),
        ("Contoso Nightly Export", "96b47e1a-d117-473b-9680-5683ee8f34ad"),
    ];

    // MFA required (interactive and not), MFA registration required, too many MFA attempts.
    private static readonly int[] ErrorCodes = [50076, 50074, 50079, 500121];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
        "python-requests/2.32.3",
    ];

    public static void Write(string path)
    {
        var start = new DateTime(2026, 11, 9, 0, 0, 0, DateTimeKind.Utc);
        var secondsPerRecord = 14 * 24 * 3600 / Failures;
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartArray();
        for (var i = 0; i < Failures; i++)
        {
            var user = Users[i % Users.Length];
            var app = Apps[i / 7 % Apps.Length];
            var code = ErrorCodes[i / 3 % ErrorCodes.Length];
            json.WriteStartObject();
            json.WriteString("id", Id(i, 1));
            json.WriteString("createdDateTime", start.AddSeconds(i * secondsPerRecord).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteString("userDisplayName", user);
            json.WriteString("userPrincipalName", user + "@contoso.com");
            json.WriteString("userId", Id(Array.IndexOf(Users, user), 2));
            json.WriteString("appId", app.Id);
            json.WriteString("appDisplayName", app.Name);
            json.WriteString("ipAddress", "198.51.100." + (i % 200));
            json.WriteString("clientAppUsed", "Browser");
            json.WriteString("userAgent", UserAgents[user.StartsWith("svc", StringComparison.Ordinal) ? 1 : 0]);
            json.WriteString("correlationId", Id(i, 3));
            json.WriteString("conditionalAccessStatus", "failure");
            json.WriteBoolean("isInteractive", code != 50074);
            json.WriteString("authenticationRequirement", "multiFactorAuthentication");
            json.WriteStartObject("status");
            json.WriteNumber("errorCode", code);
            json.WriteString("failureReason", "Strong authentication is required.");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Id(int number, int kind) =>
        new Guid(number, (short)kind, 0, 0, 0, 0, 0, 0, 0, 0, 0).ToString();
}
