using System;
using System.Linq;
using EntraStrongAuth.SignInGenerator.Cli;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>The command line: defaults, the size and list syntaxes, and clear errors.</summary>
public class GeneratorOptionsTests
{
    [Fact]
    public void Defaults_are_the_sample_tenant()
    {
        var options = GeneratorOptions.Parse(new[] { "--out", "x" });

        Assert.Equal((42, 60, 7, 7), (options.Seed, options.Users, options.Days, options.Formats.Count));
        Assert.Equal(GeneratorOptions.DefaultEnd, options.End);
        Assert.Null(options.TargetBytes);
        Assert.Equal(1, options.EffectiveActivity);
    }

    [Theory]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("200M", 209715200L)]
    [InlineData("200MB", 209715200L)]
    [InlineData("1G", 1073741824L)]
    [InlineData("64k", 65536L)]
    public void Target_bytes_accepts_sizes_with_suffixes(string text, long bytes)
    {
        var options = GeneratorOptions.Parse(new[] { "--out", "x", "--target-bytes", text });

        Assert.Equal(bytes, options.TargetBytes);
        Assert.Equal(GeneratorOptions.TargetModeActivity, options.EffectiveActivity);
    }

    [Fact]
    public void Gzip_alone_means_every_format_and_with_a_list_only_those()
    {
        var all = GeneratorOptions.Parse(new[] { "--out", "x", "--gzip" });
        var some = GeneratorOptions.Parse(new[] { "--gzip", "la-json,admin-csv", "--out", "x" });

        Assert.All(all.Formats, f => Assert.True(all.Compress(f)));
        Assert.Equal(new[] { "admin-csv", "la-json" }, some.Formats.Where(some.Compress).Select(f => f.Name).Order());
    }

    [Theory]
    [InlineData("--formats", "graph-json,csv")]
    [InlineData("--users", "0")]
    [InlineData("--end", "23/11/2026")]
    [InlineData("--target-bytes", "lots")]
    [InlineData("--wat", "1")]
    public void Bad_input_is_refused_with_a_message(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratorOptions.Parse(new[] { "--out", "x", option, value }));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Out_is_required()
    {
        Assert.Throws<ArgumentException>(() => GeneratorOptions.Parse(Array.Empty<string>()));
    }
}
