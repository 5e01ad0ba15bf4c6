using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace EntraStrongAuth.Tests.Repository;

/// <summary>
/// The project stands on its own: no source file, test, script or document points at a design or reference outside
/// the repository, and every section of the design that a file cites exists in docs/DESIGN.md.
/// </summary>
public sealed class SelfContainedDocsTests
{
    private static readonly string[] Extensions = { ".cs", ".ps1", ".psm1", ".psd1", ".ps1xml", ".json", ".md", ".csproj", ".props" };

    private static readonly string[] Skipped = { "bin", "obj", "out", ".cache", ".git", "node_modules" };

    // Built from parts so that this file does not match itself.
    private static readonly string SharedFolder = ".." + "/shared";

    private static readonly Regex BareDesignSection = new("(?<!docs/)DESIGN" + @"(\.md)? §", RegexOptions.Compiled);

    [Fact]
    public void No_file_points_outside_the_repository()
    {
        var offenders = RepositoryFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Contains(SharedFolder, StringComparison.Ordinal) || BareDesignSection.IsMatch(l.line))
            .Select(l => Path.GetRelativePath(RepositoryFolder.Root(), l.file) + ":" + l.number)
            .ToList();

        Assert.True(offenders.Count == 0, "Pointers outside the repository:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Every_cited_design_section_exists()
    {
        var design = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "docs", "DESIGN.md"));
        var sections = Regex.Matches(design, @"^## (\d+)\.", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("6", sections);

        var cited = RepositoryFiles()
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"docs/DESIGN\.md §(\d+)").Select(m => (file, section: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(cited);
        var missing = cited.Where(c => !sections.Contains(c.section)).Select(c => Path.GetFileName(c.file) + " cites §" + c.section).ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static string[] RepositoryFiles() =>
        Directory.EnumerateFiles(RepositoryFolder.Root(), "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(RepositoryFolder.Root(), f).Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part, StringComparer.Ordinal)))
            .ToArray();
}
