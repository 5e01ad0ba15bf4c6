using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace EntraStrongAuth.Tests.Hostile.BuiltModule;

/// <summary>
/// Runs a script in a fresh pwsh (the repository's pinned PowerShell, started as <c>dotnet pwsh.dll</c> so the
/// process started is the one that reads): killed at its time limit, or as soon as its resident memory (VmRSS,
/// polled every 50 ms) passes the cap, so a runaway input cannot take the machine down.
/// </summary>
internal static class ChildPwsh
{
    private static readonly Lazy<string> PwshDll = new(FindPwsh);

    public sealed record Result(string Output, string Error, bool TimedOut, bool OverMemoryCap, long PeakRssBytes, TimeSpan Elapsed);

    public static Result Run(string script, IEnumerable<string> arguments, TimeSpan timeLimit, long memoryCap)
    {
        var start = new ProcessStartInfo(Dotnet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryFolder.Root() };
        foreach (var argument in new[] { PwshDll.Value, "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        bool timedOut = false, overCap = false;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, ResidentBytes(process.Id));
            overCap = peak > memoryCap;
            timedOut = clock.Elapsed > timeLimit;
            if (overCap || timedOut)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                break;
            }
        }

        process.WaitForExit();
        return new Result(output.Result, error.Result, timedOut, overCap, peak, clock.Elapsed);
    }

    /// <summary>VmRSS of a live process, 0 once it is gone.</summary>
    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines("/proc/" + pid + "/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Substring(6).Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Dotnet() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The pinned pwsh of .config/dotnet-tools.json: asked once where it lives ($PSHOME).</summary>
    private static string FindPwsh()
    {
        var start = new ProcessStartInfo(Dotnet(), ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "[Console]::Out.Write($PSHOME)"])
        { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = RepositoryFolder.Root() };
        using var process = Process.Start(start)!;
        var home = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0 || !File.Exists(Path.Combine(home, "pwsh.dll")))
        {
            throw new InvalidOperationException("The pinned pwsh was not found (run `dotnet tool restore`); dotnet pwsh said: " + home);
        }

        return Path.Combine(home, "pwsh.dll");
    }
}
