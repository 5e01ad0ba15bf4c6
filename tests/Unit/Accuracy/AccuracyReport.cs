using System;
using System.IO;

namespace EntraStrongAuth.Tests.Accuracy;

/// <summary>Where the accuracy tests leave their reports: next to the other test results when run by build.ps1 (repo/out/TestResults).</summary>
internal static class AccuracyReport
{
    /// <summary>Writes <paramref name="report"/> as out/TestResults/<paramref name="fileName"/>; skipped outside a checkout.</summary>
    public static void Write(string fileName, string report)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntraStrongAuth.sln")))
            {
                var results = Directory.CreateDirectory(Path.Combine(dir.FullName, "out", "TestResults"));
                File.WriteAllText(Path.Combine(results.FullName, fileName), report);
                return;
            }
        }
    }
}
