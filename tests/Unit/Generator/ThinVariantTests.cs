using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>The thin variants leave out exactly the evidence they stand for, and nothing is written by default.</summary>
public class ThinVariantTests
{
    private static JsonElement[] Write(string format, string folder)
    {
        GeneratorRun.Run(GeneratedTenant.DefaultOptions(folder) with { Users = 20, Days = 2, Formats = new[] { OutputFormat.Named(format) } });
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, OutputFormat.Named(format).FileName)));
        return file.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public void Each_variant_drops_its_evidence()
    {
        var folder = GeneratedTenant.NewFolder();
        try
        {
            var v1 = Write("graph-v1", folder);
            Assert.NotEmpty(v1);
            Assert.All(v1, r => Assert.True(r.EnumerateObject().Count() <= 24, string.Join(", ", r.EnumerateObject().Select(p => p.Name))));
            Assert.All(v1, r => Assert.False(r.TryGetProperty("authenticationDetails", out _) || r.TryGetProperty("userAgent", out _) || r.TryGetProperty("authenticationProtocol", out _)));
            Assert.All(v1.SelectMany(r => r.GetProperty("appliedConditionalAccessPolicies").EnumerateArray()), p => Assert.False(p.TryGetProperty("authenticationStrength", out _)));

            Assert.All(Write("graph-no-ca", folder), r => Assert.Equal(0, r.GetProperty("appliedConditionalAccessPolicies").GetArrayLength()));
            Assert.All(Write("graph-no-auth-details", folder), r => Assert.False(r.TryGetProperty("authenticationDetails", out _)));
            Assert.All(Write("la-json-no-dynamic", folder), r => Assert.False(r.TryGetProperty("ConditionalAccessPolicies", out _) || r.TryGetProperty("Status", out _) || r.TryGetProperty("DeviceDetail", out _)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Thin_variants_are_not_among_the_default_formats()
    {
        Assert.Empty(OutputFormat.All.Intersect(OutputFormat.Thin));
        Assert.Equal(OutputFormat.All, new EntraStrongAuth.SignInGenerator.Cli.GeneratorOptions().Formats);
    }
}
