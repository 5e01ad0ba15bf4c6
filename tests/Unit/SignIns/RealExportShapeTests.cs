using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>Real exports read whole, or a warning says what was not read or how it was read.</summary>
public class RealExportShapeTests
{
    private static List<string> Warnings(IEnumerable<SignInReadItem> items) =>
        items.Where(i => i.Warning is not null).Select(i => i.Warning!).ToList();

    [Theory]
    [InlineData("custom-log-suffixed.json", SignInLogFormat.LogAnalyticsJson)]
    [InlineData("custom-log-suffixed.csv", SignInLogFormat.LogAnalyticsCsv)]
    public void Custom_log_columns_with_type_suffixes_are_read_as_the_bare_columns(string fixture, SignInLogFormat format)
    {
        Assert.Equal(format, SignInLogReader.DetectFormat(SignInFixtures.Path(fixture)));
        var items = ReadFixture(fixture);

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal(
            ("7a1c0d3e-5b2f-4c8e-9d10-2f6e8b1a0c02", 50076, "adele.vance@contoso.example", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "multiFactorAuthentication"),
            (signIn.Id, signIn.ErrorCode, signIn.UserPrincipalName, signIn.AppId, signIn.AuthenticationRequirement));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, 512, TimeSpan.Zero), signIn.CreatedDateTime);
        Assert.Equal(("Munich", "Bavaria", "Edge 122.0.0", "Windows10"), (signIn.City, signIn.State, signIn.Browser, signIn.OperatingSystem));
        Assert.Equal((true, 3320L), (signIn.IsInteractive, signIn.AutonomousSystemNumber));
        Assert.Equal("Require phishing-resistant MFA for admins", Assert.Single(signIn.AppliedConditionalAccessPolicies).DisplayName);
        Assert.Equal("failure", signIn.ConditionalAccessStatus);

        // The lab's own column is not a sign-in field: named once, not dropped silently.
        var warning = Assert.Single(Warnings(items));
        Assert.Contains("LabExercise_s", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("TenantId", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_result_columns_with_type_suffixes_are_read_and_unknown_ones_named_once()
    {
        var text = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"ResultType_s\",\"type\":\"string\"},"
            + "{\"name\":\"UserPrincipalName_s\",\"type\":\"string\"},{\"name\":\"TenantId\",\"type\":\"string\"},{\"name\":\"LabExercise_s\",\"type\":\"string\"}],"
            + "\"rows\":[[\"2025-03-04T09:15:22Z\",\"50076\",\"adele.vance@contoso.example\",\"t\",\"Lab 3\"],[\"2025-03-04T09:16:22Z\",\"0\",\"adele.vance@contoso.example\",\"t\",\"Lab 3\"]]}]}";

        var items = ReadText(text, "query.json");

        Assert.Empty(items.Problems());
        Assert.Equal([(50076, "adele.vance@contoso.example"), (0, "adele.vance@contoso.example")], items.SignIns().Select(s => (s.ErrorCode, s.UserPrincipalName)));
        var warning = Assert.Single(Warnings(items));
        Assert.StartsWith("query.json: 1 columns not understood, so not read: LabExercise_s.", warning, StringComparison.Ordinal);
    }

    /// <summary>Excel (de-DE) rewrites the time as "04.03.2025 09:15", day first and without seconds.</summary>
    [Theory]
    [InlineData("admin-center-semicolon.csv", 0)]
    [InlineData("admin-center-tab.csv", 22)]
    public void Admin_center_csv_resaved_with_semicolons_or_tabs_is_read(string fixture, int seconds)
    {
        Assert.Equal(SignInLogFormat.AdminCenterCsv, SignInLogReader.DetectFormat(SignInFixtures.Path(fixture)));
        var items = ReadFixture(fixture);

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal(
            ("7a1c0d3e-5b2f-4c8e-9d10-2f6e8b1a0c01", 50074, "adele.vance@contoso.example", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "singleFactorAuthentication"),
            (signIn.Id, signIn.ErrorCode, signIn.UserPrincipalName, signIn.UserAgent, signIn.AuthenticationRequirement));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, seconds, TimeSpan.Zero), signIn.CreatedDateTime);
        Assert.Empty(Warnings(items));
    }

    [Fact]
    public void A_semicolon_file_that_matches_no_format_names_its_delimiter()
    {
        var problem = Assert.Single(ReadText("Zeit;Benutzer;Ergebnis\r\n2025-03-04;adele;0\r\n", "export.csv")).Problem!;

        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Contains("semicolon-delimited", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"Benutzer\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_center_time_header_with_a_utc_offset_is_honoured()
    {
        var items = ReadFixture("admin-center-utc-plus-one.csv");

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());

        // "Date (UTC+01:00)" 10:15:22 is 09:15:22 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, TimeSpan.Zero), signIn.CreatedDateTime);
        Assert.Equal(TimeSpan.Zero, signIn.CreatedDateTime.Offset);
    }

    [Fact]
    public void Log_analytics_csv_in_local_time_warns_how_the_time_was_read()
    {
        var items = ReadFixture("la-signinlogs-local-time.csv");

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 15, 22, 512, TimeSpan.Zero), signIn.CreatedDateTime);
        var warning = Assert.Single(Warnings(items));
        Assert.Contains("\"CreatedDateTime [Local Time]\"", warning, StringComparison.Ordinal);
        Assert.Contains("read as UTC", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_graph_names_are_read_and_a_missing_time_comes_from_the_steps_with_a_warning()
    {
        var items = ReadFixture("graph-beta-older-shape.json");

        Assert.Empty(items.Problems());
        var signIn = Assert.Single(items.SignIns());
        Assert.Equal("Require phishing-resistant MFA for admins", Assert.Single(signIn.AppliedConditionalAccessPolicies).DisplayName);
        Assert.Equal("medium", signIn.RiskLevelDuringSignIn);
        Assert.Equal("PhoneAppNotification", signIn.MfaAuthMethod);

        // The earliest step, not the first listed.
        Assert.Equal(new DateTimeOffset(2019, 11, 4, 9, 15, 22, TimeSpan.Zero), signIn.CreatedDateTime);
        var warnings = Warnings(items);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("authenticationStepDateTime", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("signInLabNote", StringComparison.Ordinal) && !w.Contains("odata", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_properties_are_listed_once_per_file_however_many_records_carry_them()
    {
        var record = "{\"id\":\"r{0}\",\"createdDateTime\":\"2025-03-04T09:15:22Z\",\"status\":{\"errorCode\":0},\"agentType\":\"x\",\"homeTenantName\":\"Contoso\"}";
        var text = "[" + string.Join(",", Enumerable.Range(1, 3).Select(i => record.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "]";

        var items = ReadText(text, "signins.json", SignInLogFormat.GraphJson);

        Assert.Equal(3, items.SignIns().Count);
        var warning = Assert.Single(Warnings(items));
        Assert.Equal("signins.json: 1 properties not understood, so not read: agentType.", warning.Substring(0, warning.IndexOf(" If ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Real_admin_center_headers_are_all_understood()
    {
        foreach (var header in Directory.GetFiles(System.IO.Path.GetDirectoryName(SignInFixtures.Path("README.md"))!, "InteractiveSignIns_header_*.csv"))
        {
            var row = File.ReadAllText(header).TrimEnd() + "\r\n" + string.Concat(Enumerable.Repeat(",", 56)) + "\r\n";
            var items = SignInLogReader.ReadStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row)), "InteractiveSignIns.csv", SignInLogFormat.AdminCenterCsv, CancellationToken.None).ToList();

            Assert.Empty(Warnings(items));
        }
    }
}
