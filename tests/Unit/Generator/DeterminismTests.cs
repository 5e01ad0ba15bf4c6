using System.IO;
using System.Linq;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>Same seed, same bytes: fixtures, samples and benchmarks must be reproducible on any machine and day.</summary>
[Collection(GeneratedTenantGroup.Name)]
public class DeterminismTests
{
    private readonly GeneratedTenant tenant;

    public DeterminismTests(GeneratedTenant tenant) => this.tenant = tenant;

    [Fact]
    public void Same_seed_writes_identical_files()
    {
        string again = GeneratedTenant.NewFolder();
        try
        {
            GeneratorRun.Run(GeneratedTenant.DefaultOptions(again));

            var names = Directory.GetFiles(tenant.Folder).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(names, Directory.GetFiles(again).Select(Path.GetFileName).Order().ToList());
            Assert.All(names, name => Assert.Equal(File.ReadAllBytes(Path.Combine(tenant.Folder, name!)), File.ReadAllBytes(Path.Combine(again, name!))));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Another_seed_writes_other_sign_ins()
    {
        string other = GeneratedTenant.NewFolder();
        try
        {
            GeneratorRun.Run(GeneratedTenant.DefaultOptions(other, seed: 43) with { Formats = new[] { OutputFormat.Named("graph-json") } });

            var ids42 = SignInFiles.Read("graph-json", tenant.PathOf("graph-json")).Select(s => s.Id);
            var ids43 = SignInFiles.Read("graph-json", Path.Combine(other, "signins.graph.json")).Select(s => s.Id);
            Assert.Empty(ids42.Intersect(ids43));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }
}
