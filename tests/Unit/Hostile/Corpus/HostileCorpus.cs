using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.Tests.Hostile.Corpus;

/// <summary>
/// The hostile-input corpus of issue 14: every case generated at test time (nothing binary is committed), grouped by
/// the input the readers take. Each group is a file of its own; <see cref="All"/> is the whole corpus.
/// </summary>
internal static class HostileCorpus
{
    private static readonly Lazy<IReadOnlyList<HostileCase>> Cases = new(() =>
    {
        var all = GraphJsonCases.All()
            .Concat(CsvCases.All())
            .Concat(LogAnalyticsCases.All())
            .Concat(ArchiveCases.All())
            .Concat(FileSystemCases.All())
            .ToList();
        var twice = all.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? all : throw new InvalidOperationException("Two hostile cases are named " + twice.Key);
    });

    public static IReadOnlyList<HostileCase> All => Cases.Value;

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A case of one file holding <paramref name="content"/> (UTF-8).</summary>
    public static HostileCase Text(string name, string input, string fileName, string content) =>
        new(name, input, folder => [folder.Text(fileName, content)]);

    /// <summary>A case of one file holding exactly <paramref name="content"/>.</summary>
    public static HostileCase Bytes(string name, string input, string fileName, byte[] content) =>
        new(name, input, folder => [folder.Bytes(fileName, content)]);

    /// <summary>Text with raw bytes spliced in where <paramref name="marker"/> stands (invalid UTF-8, NUL, ...).</summary>
    public static byte[] Splice(string text, string marker, params byte[] raw)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return HostileBytes.Concat(Encoding.UTF8.GetBytes(text.Substring(0, at)), raw, Encoding.UTF8.GetBytes(text.Substring(at + marker.Length)));
    }
}
