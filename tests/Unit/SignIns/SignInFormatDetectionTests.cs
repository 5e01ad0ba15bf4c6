using System.IO;
using System.IO.Compression;
using System.Text;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>The format comes from the content, never from the file name.</summary>
public class SignInFormatDetectionTests
{
    [Theory]
    [InlineData("graph-beta-pages.json", SignInLogFormat.GraphJson)]
    [InlineData("graph-v1-page.json", SignInLogFormat.GraphJson)]
    [InlineData("admin-center-signins.json", SignInLogFormat.GraphJson)]
    [InlineData("la-signinlogs-nested.json", SignInLogFormat.LogAnalyticsJson)]
    [InlineData("la-signinlogs-strings.ndjson", SignInLogFormat.LogAnalyticsJson)]
    [InlineData("la-signinlogs-portal.csv", SignInLogFormat.LogAnalyticsCsv)]
    [InlineData("aad_logons.json", SignInLogFormat.LogAnalyticsJson)]
    [InlineData("aad_logons.csv", SignInLogFormat.LogAnalyticsCsv)]
    [InlineData("diagnostic-archive.ndjson", SignInLogFormat.DiagnosticArchive)]
    [InlineData("diagnostic-archive.ndjson.gz", SignInLogFormat.DiagnosticArchive)]
    [InlineData("diagnostic-archive-records.json", SignInLogFormat.DiagnosticArchive)]
    [InlineData("panther_azure_signin_events.json", SignInLogFormat.DiagnosticArchive)]
    [InlineData("InteractiveSignIns_header_2024-10-23_54cols.csv", SignInLogFormat.AdminCenterCsv)]
    public void Each_fixture_is_recognised(string fixture, SignInLogFormat format)
    {
        Assert.Equal(format, SignInLogReader.DetectFormat(SignInFixtures.Path(fixture)));
    }

    [Fact]
    public void A_json_named_file_holding_csv_is_csv()
    {
        using var file = Temp("InteractiveSignIns_2025-03-04.json", AdminCenterCsvReaderTests.Csv("InteractiveSignIns_header_2024-11-20_55cols.csv", AdminCenterCsvReaderTests.Interrupt));

        Assert.Equal(SignInLogFormat.AdminCenterCsv, SignInLogReader.DetectFormat(file.FullName));
        Assert.Equal(50076, Assert.Single(SignInLogReader.ReadFile(file.FullName, SignInLogFormat.Auto, default)).SignIn!.ErrorCode);
    }

    [Fact]
    public void A_txt_file_holding_a_graph_page_is_graph_json()
    {
        using var file = Temp("export.txt", "\r\n\t  " + Text("graph-v1-page.json"));

        Assert.Equal(SignInLogFormat.GraphJson, SignInLogReader.DetectFormat(file.FullName));
    }

    [Fact]
    public void Gzip_is_seen_through_whatever_the_name_with_a_bom_inside()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetPreamble());
            gzip.Write(Encoding.UTF8.GetBytes(Text("la-signinlogs-nested.json")));
        }

        using var file = Temp("signins.log", output.ToArray());

        Assert.Equal(SignInLogFormat.LogAnalyticsJson, SignInLogReader.DetectFormat(file.FullName));
        Assert.Equal(2, SignInLogReader.ReadFile(file.FullName, SignInLogFormat.Auto, default).SignIns().Count);
    }

    [Fact]
    public void Powershell_export_csv_type_line_is_skipped()
    {
        var csv = "#TYPE System.Management.Automation.PSCustomObject\r\n" + Text("aad_logons.csv");
        using var file = Temp("signins.csv", csv);

        Assert.Equal(SignInLogFormat.LogAnalyticsCsv, SignInLogReader.DetectFormat(file.FullName));
        Assert.Equal(86, SignInLogReader.ReadFile(file.FullName, SignInLogFormat.Auto, default).SignIns().Count);
    }

    [Fact]
    public void A_format_given_by_the_caller_is_used_as_given()
    {
        var items = ReadText(Text("graph-beta-pages.json"), "pages.json", SignInLogFormat.GraphJson);

        Assert.Equal(3, items.SignIns().Count);
    }
}
