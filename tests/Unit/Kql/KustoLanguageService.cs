using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>
/// Checks KQL with the official Kusto language service (tests/KqlCheck/check-kql.js) against the published schemas
/// of the four Entra sign-in tables. One node process per batch: starting the service costs about a second, checking
/// a query a few milliseconds, so callers pass all their queries at once.
/// </summary>
public static class KustoLanguageService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Every diagnostic of every query (empty: all clean). Query names should be unique within the batch.</summary>
    public static IReadOnlyList<KqlDiagnostic> Check(IEnumerable<(string Name, string Kql)> queries)
    {
        var batch = queries.Select(q => new Dictionary<string, string> { ["name"] = q.Name, ["kql"] = q.Kql }).ToList();
        if (batch.Count == 0)
        {
            return Array.Empty<KqlDiagnostic>();
        }

        var output = RunNode(JsonSerializer.Serialize(batch));
        using var document = JsonDocument.Parse(output);
        var found = new List<KqlDiagnostic>();
        foreach (var result in document.RootElement.EnumerateArray())
        {
            var name = result.GetProperty("name").GetString()!;
            foreach (var d in result.GetProperty("diagnostics").EnumerateArray())
            {
                found.Add(new KqlDiagnostic(
                    name,
                    d.GetProperty("severity").GetString() ?? string.Empty,
                    d.GetProperty("code").GetString() ?? string.Empty,
                    d.GetProperty("message").GetString() ?? string.Empty,
                    d.GetProperty("offset").GetInt32(),
                    d.GetProperty("length").GetInt32(),
                    d.GetProperty("line").GetInt32(),
                    d.GetProperty("column").GetInt32()));
            }
        }

        return found;
    }

    /// <summary>The diagnostics of one query.</summary>
    public static IReadOnlyList<KqlDiagnostic> Check(string name, string kql) => Check(new[] { (name, kql) });

    /// <summary>Fails the test with every error (query name, line, column, message and the offending line) when any query has one.</summary>
    public static void AssertNoErrors(IEnumerable<(string Name, string Kql)> queries)
    {
        var list = queries.ToList();
        var texts = list.ToDictionary(q => q.Name, q => q.Kql, StringComparer.Ordinal);
        var errors = Check(list).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, "KQL errors:\n" + string.Join("\n", errors.Select(e => e + "\n    " + LineOf(texts[e.QueryName], e.Line))));
    }

    private static string LineOf(string text, int line) => text.Split('\n').ElementAtOrDefault(line - 1)?.TrimEnd('\r') ?? string.Empty;

    private static string RunNode(string input)
    {
        var folder = Path.Combine(RepositoryFolder.Root(), "tests", "KqlCheck");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@kusto", "language-service-next")))
        {
            throw new InvalidOperationException("The Kusto language service is not installed: run ./build.ps1 Test (it runs npm ci in " + folder + "; Node.js and npm are needed).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check-kql.js");
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node could not be started: the KQL tests need Node.js and npm on the PATH (" + ex.Message + ").", ex);
        }

        using var process = started ?? throw new InvalidOperationException("node could not be started (Node.js is needed for the KQL tests).");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("check-kql.js did not finish within " + Timeout + ".");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("check-kql.js failed with exit code " + process.ExitCode + ": " + stderr.Result);
        }

        return stdout.Result;
    }
}
