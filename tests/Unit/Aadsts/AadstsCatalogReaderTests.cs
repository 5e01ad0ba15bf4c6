using System.IO;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Aadsts;
using Xunit;

namespace EntraStrongAuth.Tests.Aadsts;

public class AadstsCatalogReaderTests
{
    private const string Good = """
        {"code": 50076, "name": "Custom50076", "meaning": "Our own wording for this tenant.", "oauthError": null,
         "interactiveFix": "yes", "category": "StepUpRequired", "strongAuth": true,
         "remedy": ["Call the help desk on 555-0100."], "relatedCodes": [50074]}
        """;

    private static AadstsCatalogReadResult Read(string json) =>
        AadstsCatalogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "user.json");

    [Fact]
    public void Reads_a_valid_entry_and_overrides_the_built_in_one()
    {
        var result = Read("{\"schemaVersion\":1,\"entries\":[" + Good + "]}");
        var merged = AadstsCatalog.BuiltIn.With(result.Entries);

        Assert.Empty(result.Problems);
        Assert.True(merged.TryGet(50076, out var entry));
        Assert.Equal("Custom50076", entry.Name);
        Assert.Equal(InteractiveFix.Yes, entry.InteractiveFix);
        Assert.Equal("user.json", entry.Source);
        Assert.True(merged.TryGet(50079, out var untouched));
        Assert.Equal(AadstsCatalog.BuiltInSource, untouched.Source);
    }

    [Fact]
    public void A_bad_entry_names_file_entry_code_and_field_and_the_rest_is_still_read()
    {
        var bad = """{"code": 99001, "name": "X", "meaning": "m", "interactiveFix": "Maybe", "category": "C", "remedy": []}""";
        var result = Read("{\"entries\":[" + bad + "," + Good + "]}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("user.json", problem.Source);
        Assert.Equal(1, problem.EntryNumber);
        Assert.Equal(99001, problem.Code);
        Assert.Equal("interactiveFix", problem.Field);
        Assert.Contains("Yes, Partial, No, NotApplicable", problem.ToString(), System.StringComparison.Ordinal);
        Assert.Equal(50076, Assert.Single(result.Entries).Code);
    }

    [Theory]
    [InlineData("""{"name":"X","meaning":"m","interactiveFix":"No","category":"C"}""", "code")]
    [InlineData("""{"code":"five","name":"X","meaning":"m","interactiveFix":"No","category":"C"}""", "code")]
    [InlineData("""{"code":99002,"meaning":"m","interactiveFix":"No","category":"C"}""", "name")]
    [InlineData("""{"code":99002,"name":42,"meaning":"m","interactiveFix":"No","category":"C"}""", "name")]
    [InlineData("""{"code":99002,"name":"X","meaning":"m","interactiveFix":"No","category":"C","remedy":"do it"}""", "remedy")]
    [InlineData("""{"code":99002,"name":"X","meaning":"m","interactiveFix":"No","category":"C","relatedCodes":["50074"]}""", "relatedCodes")]
    [InlineData("""{"code":99002,"name":"X","meaning":"m","interactiveFix":"No","category":"C","strongAuth":"yes"}""", "strongAuth")]
    [InlineData("""{"code":99002,"name":"X","meaning":"","interactiveFix":"No","category":"C"}""", "meaning")]
    public void Each_wrong_field_is_reported_by_name(string entry, string field)
    {
        var result = Read("{\"entries\":[" + entry + "]}");

        Assert.Empty(result.Entries);
        Assert.Equal(field, Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void A_code_written_as_AADSTS_text_is_accepted()
    {
        var result = Read("""{"entries":[{"code":"AADSTS99003","name":"X","meaning":"m","interactiveFix":"No","category":"C"}]}""");

        Assert.Equal(99003, Assert.Single(result.Entries).Code);
    }

    [Theory]
    [InlineData("{\"entries\": [", "not valid JSON")]
    [InlineData("[1,2]", "'entries' array")]
    [InlineData("{\"schemaVersion\": 2, \"entries\": []}", "schema version 1")]
    [InlineData("{\"entries\": {}}", "field 'entries'")]
    public void A_file_of_the_wrong_shape_is_rejected_whole_with_the_file_name(string json, string expected)
    {
        var error = Assert.Throws<AadstsCatalogFormatException>(() => Read(json));

        Assert.StartsWith("user.json: ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_bom_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"entries\":[" + Good + "]}")).ToArray();

        var result = AadstsCatalogReader.Read(new MemoryStream(bytes), "bom.json");

        Assert.Single(result.Entries);
    }
}
