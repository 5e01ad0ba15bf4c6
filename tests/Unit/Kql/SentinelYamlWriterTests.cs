using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Core.Workspace.Alerts;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>The YAML emitter: every scalar reads back as the string written, the query as a literal block.</summary>
public class SentinelYamlWriterTests
{
    private const string HostileDescription = "Key: value # not a comment 'single' \"double\" \\backslash\nsecond line\ttab - [x] {y} &a *b !c % @d `e` | > ?";

    private static SentinelAlertRule Hostile() =>
        new(Guid.Parse("11111111-2222-3333-4444-555555555555"), "Name: 'with' \"quotes\" # and a hash", HostileDescription, AlertSeverity.High,
            "SigninLogs\n| where ResultType == \"50074\" // a comment: with 'quotes'\n| summarize count() by UserPrincipalName\n|   project-away count_")
        {
            Tactics = new[] { "InitialAccess" },
            Techniques = new[] { "T1078.004" },
            RequiredDataConnectors = new[] { new AlertDataConnector("AzureActiveDirectory", new[] { "SigninLogs" }) },
            EntityMappings = new[] { new AlertEntityMapping("Account", new[] { new System.Collections.Generic.KeyValuePair<string, string>("FullName", "UserPrincipalName") }) },
            CustomDetails = new[] { new System.Collections.Generic.KeyValuePair<string, string>("Count", "count_") },
            QueryFrequency = TimeSpan.FromMinutes(30),
            QueryPeriod = TimeSpan.FromHours(2),
        };

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's: # here", "'it''s: # here'")]
    [InlineData("true", "'true'")]
    [InlineData("0123", "'0123'")]
    [InlineData("", "''")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("q\"\\\t", "\"q\\\"\\\\\\t\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("line\u2028sep", "\"line\\u2028sep\"")]
    public void Scalars_are_always_quoted_and_escaped(string value, string expected) =>
        Assert.Equal(expected, YamlScalar.Quote(value));

    [Fact]
    public void A_query_is_a_literal_block_indented_under_its_key()
    {
        Assert.Equal("|-\n  a\n  | b\n\n  c", YamlScalar.Block("a\n| b\n\nc", 2));
        Assert.Equal("|\n  a", YamlScalar.Block("a\n", 2));
        Assert.Equal("|+\n  a\n", YamlScalar.Block("a\n\n", 2));
        Assert.Equal("|2-\n   indented", YamlScalar.Block(" indented", 2));
        Assert.Equal("\"a\\u0001\"", YamlScalar.Block("a\u0001", 2));
        Assert.Equal("|-\n  a\n  b", YamlScalar.Block("a\r\nb", 2));
    }

    [Fact]
    public void The_template_has_the_Sentinel_fields_in_order_with_short_durations()
    {
        var yaml = SentinelYamlWriter.Write(Hostile());
        var keys = yaml.Split('\n').Where(l => l.Length > 0 && char.IsLetter(l[0])).Select(l => l.Split(':')[0]).ToList();
        Assert.Equal(
            new[] { "id", "name", "description", "severity", "requiredDataConnectors", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold", "tactics", "relevantTechniques", "query", "entityMappings", "customDetails", "version", "kind" },
            keys);
        Assert.Contains("queryFrequency: '30m'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("queryPeriod: '2h'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("triggerOperator: 'gt'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("query: |-\n  SigninLogs\n  | where ResultType == \"50074\" // a comment: with 'quotes'\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_YAML_parser_reads_back_every_value_as_written()
    {
        // PyYAML is a test-time validator only where the machine has it; the assertions above hold without it.
        var rule = Hostile();
        var parsed = ParseWithPyYaml(SentinelYamlWriter.Write(rule));
        if (parsed is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(parsed);
        var root = document.RootElement;
        Assert.Equal(rule.Id.ToString(), root.GetProperty("id").GetString());
        Assert.Equal(rule.DisplayName, root.GetProperty("name").GetString());
        Assert.Equal(HostileDescription, root.GetProperty("description").GetString());
        Assert.Equal(rule.Query, root.GetProperty("query").GetString());
        Assert.Equal(0, root.GetProperty("triggerThreshold").GetInt32());
        Assert.Equal("1.0.0", root.GetProperty("version").GetString());
        Assert.Equal("UserPrincipalName", root.GetProperty("entityMappings")[0].GetProperty("fieldMappings")[0].GetProperty("columnName").GetString());
        Assert.Equal("count_", root.GetProperty("customDetails").GetProperty("Count").GetString());

        foreach (var entry in KqlCatalog.All.Where(e => e.Alert is not null))
        {
            using var real = JsonDocument.Parse(ParseWithPyYaml(SentinelYamlWriter.Write(entry.Alert!))!);
            Assert.Equal(entry.Kql, real.RootElement.GetProperty("query").GetString());
            Assert.Equal(entry.Alert!.Description, real.RootElement.GetProperty("description").GetString());
        }
    }

    /// <summary>The YAML as JSON via python3 and PyYAML's safe loader, or null when either is missing.</summary>
    private static string? ParseWithPyYaml(string yaml)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read()), default=str))");
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(yaml);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0 && error.Result.Contains("No module named", StringComparison.Ordinal))
            {
                return null;
            }

            Assert.True(process.ExitCode == 0, "PyYAML could not read the template: " + error.Result + "\n" + yaml);
            return output.Result;
        }
    }
}
