using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>Benchmark mode: the file grows to the requested size, ends as valid JSON, and the .gz copy holds the same bytes.</summary>
public class TargetBytesTests
{
    [Fact]
    public void Target_bytes_fills_the_file_to_the_size_and_stops()
    {
        string folder = GeneratedTenant.NewFolder();
        const long target = 2_000_000;
        try
        {
            var summary = GeneratorRun.Run(new GeneratorOptions
            {
                OutputDirectory = folder,
                Formats = new[] { OutputFormat.Named("graph-json") },
                Gzip = new HashSet<string> { "graph-json" },
                TargetBytes = target,
            });

            string path = Path.Combine(folder, "signins.graph.json");
            Assert.InRange(new FileInfo(path).Length, target, target + 20_000);
            Assert.Equal(summary.SignIns, SignInFiles.Array(path).Count);
            Assert.Equal(GeneratorOptions.TargetModeMinimumUsers, summary.Users);
            using var gzip = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
            using var unpacked = new MemoryStream();
            gzip.CopyTo(unpacked);
            Assert.Equal(File.ReadAllBytes(path), unpacked.ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
