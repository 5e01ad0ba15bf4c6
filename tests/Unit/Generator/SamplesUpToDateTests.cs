using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>
/// samples/signins must be exactly what its README's command produces today: the command is read from the README,
/// run into a temp folder and every file compared (gzip copies by their content, as zlib builds may differ).
/// </summary>
public class SamplesUpToDateTests
{
    private const string CommandPrefix = "dotnet run --project tools/SignInGenerator -- ";

    [Fact]
    public void Committed_samples_equal_a_fresh_run_of_the_readme_command()
    {
        string samples = Path.Combine(RepositoryFolder.Root(), "samples", "signins");
        string fresh = GeneratedTenant.NewFolder();
        try
        {
            GeneratorRun.Run(ReadmeOptions(samples) with { OutputDirectory = fresh });

            var names = Directory.GetFiles(fresh).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(names, Directory.GetFiles(samples).Select(Path.GetFileName).Where(n => n != "README.md" && !n!.StartsWith('.')).Order().ToList());
            foreach (string name in names.Select(n => n!))
            {
                Assert.True(Content(Path.Combine(samples, name)).SequenceEqual(Content(Path.Combine(fresh, name))), $"{name} is stale: regenerate the samples.");
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    private static GeneratorOptions ReadmeOptions(string samples)
    {
        string command = File.ReadLines(Path.Combine(samples, "README.md")).Single(l => l.StartsWith(CommandPrefix, StringComparison.Ordinal));
        return GeneratorOptions.Parse(command[CommandPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static byte[] Content(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }
}
