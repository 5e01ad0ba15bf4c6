using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EntraStrongAuth.Tests.Hostile.BuiltModule;

/// <summary>
/// Reads a case's paths with the built module (out/EntraStrongAuth) in a fresh pwsh: <c>Get-StrongAuthFailure
/// -LiteralPath … [-Recurse]</c>, each finding's sign-in id, each error with what its target says about where, each
/// warning, a terminating error as a crash, and the process's own peak RSS (VmHWM) at the end.
/// </summary>
internal static class ModuleRead
{
    private const string Script = """
        param([Parameter(Mandatory)] [string] $Module, [Parameter(Mandatory)] [string] $PathList, [switch] $Recurse)
        $ErrorActionPreference = 'Stop'
        Import-Module $Module
        $records = [System.Collections.Generic.List[string]]::new()
        $crash = $null
        try {
            Get-StrongAuthFailure -LiteralPath (Get-Content -LiteralPath $PathList) -Recurse:$Recurse -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue -WarningVariable warned |
                ForEach-Object { $records.Add([string]$_.SignInId) }
        }
        catch {
            $crash = ($_ | Out-String) + $_.ScriptStackTrace
        }
        $errors = foreach ($e in @($failed)) {
            $target = $e.TargetObject
            $file = if ($target -is [string]) { $target } elseif ($null -ne $target -and $target.PSObject.Properties['File']) { $target.File } else { $null }
            $line = if ($null -ne $target -and $target.PSObject.Properties['Line']) { $target.Line } else { $null }
            $record = if ($null -ne $target -and $target.PSObject.Properties['Record']) { $target.Record } else { $null }
            [ordered]@{ Id = ($e.FullyQualifiedErrorId -split ',')[0]; File = $file; Line = $line; Record = $record; Message = $e.Exception.Message; Shown = ($e.CategoryInfo.ToString() + ' ' + $e.ErrorDetails) }
        }
        $peak = [long](Select-String -LiteralPath /proc/self/status -Pattern '^VmHWM:\s+(\d+)').Matches[0].Groups[1].Value * 1024
        [ordered]@{ Records = @($records); Errors = @($errors); Warnings = @(@($warned) | ForEach-Object Message); Crash = $crash; PeakBytes = $peak } |
            ConvertTo-Json -Depth 4 -Compress
        """;

    public static string ModuleManifest => Path.Combine(RepositoryFolder.Root(), "out", "EntraStrongAuth", "EntraStrongAuth.psd1");

    public static ReadReport Run(string[] paths, bool recurse, TimeSpan timeLimit, string workFolder)
    {
        var script = Path.Combine(workFolder, "read-with-module.ps1");
        var pathList = Path.Combine(workFolder, "paths.txt");
        File.WriteAllText(script, Script);
        File.WriteAllLines(pathList, paths);
        string[] arguments = recurse ? ["-Module", ModuleManifest, "-PathList", pathList, "-Recurse"] : ["-Module", ModuleManifest, "-PathList", pathList];

        // Module load and pwsh start-up come on top of the reading time the case allows.
        var child = ChildPwsh.Run(script, arguments, timeLimit + TimeSpan.FromSeconds(30), EngineRead.MemoryCap);

        var report = new ReadReport { Hung = child.TimedOut, OverMemoryCap = child.OverMemoryCap, Elapsed = child.Elapsed, PeakBytes = child.PeakRssBytes, MemoryMeasure = "peak RSS of the pwsh process" };
        if (child.TimedOut || child.OverMemoryCap)
        {
            return report;
        }

        var json = child.Output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (json is null)
        {
            report.Crash = "pwsh wrote no result. stdout: " + child.Output + " stderr: " + child.Error;
            return report;
        }

        using var result = JsonDocument.Parse(json);
        var root = result.RootElement;
        report.SignInIds.AddRange(root.GetProperty("Records").EnumerateArray().Select(r => r.GetString() ?? "(no id)"));
        report.Errors.AddRange(root.GetProperty("Errors").EnumerateArray().Select(e => new ReadError(
            e.GetProperty("Id").GetString()!, e.GetProperty("File").GetString(), Number(e.GetProperty("Line")), Number(e.GetProperty("Record")), e.GetProperty("Message").GetString() ?? "", e.GetProperty("Shown").GetString())));
        report.Warnings.AddRange(root.GetProperty("Warnings").EnumerateArray().Select(w => w.GetString() ?? ""));
        report.Crash = root.GetProperty("Crash").GetString();
        report.PeakBytes = Math.Max(report.PeakBytes, root.GetProperty("PeakBytes").GetInt64());
        return report;
    }

    private static long? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
