using System;
using System.Linq;
using System.Text;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// Nothing changes without a word: bytes that are not UTF-8 (read as U+FFFD) and a property named twice (the later
/// value kept) are warned once per file with the count and the first place; a property the classification reads named
/// twice makes the record invalid, since which value the log meant decides the result.
/// </summary>
public class SilentChangeTests
{
    [Fact]
    public void Status_named_twice_makes_the_record_invalid_and_the_others_are_read()
    {
        var text = Record("a") + "\n"
            + """{"id":"b","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":0},"status":{"errorCode":50076}}""" + "\n"
            + Record("c") + "\n";

        var items = ReadText(text, "dup.json");

        Assert.Equal(["a", "c"], items.SignIns().Select(s => s.Id));
        var problem = Assert.Single(items.Problems());
        Assert.Equal("SignInRecordInvalid", problem.ErrorId);
        Assert.Equal(2, problem.Line);
        Assert.Equal(2, problem.Record);
        Assert.Equal("status", problem.Field);
    }

    [Fact]
    public void An_error_code_named_twice_inside_status_makes_the_record_invalid()
    {
        var items = ReadText("""{"id":"b","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":0,"errorCode":50076}}""", "dup.json");

        Assert.Empty(items.SignIns());
        Assert.Equal("SignInRecordInvalid", Assert.Single(items.Problems()).ErrorId);
    }

    [Fact]
    public void A_step_result_named_twice_makes_the_record_invalid()
    {
        var items = ReadText("""{"id":"b","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":50076},"authenticationDetails":[{"succeeded":false,"authenticationStepResultDetail":"a","authenticationStepResultDetail":"b"}]}""", "dup.json");

        Assert.Empty(items.SignIns());
        Assert.Equal("SignInRecordInvalid", Assert.Single(items.Problems()).ErrorId);
    }

    [Fact]
    public void Another_property_named_twice_is_one_warning_for_the_file()
    {
        var twice = """{"id":"b","createdDateTime":"2025-01-01T00:00:00Z","homeTenantId":"t1","homeTenantId":"t2","status":{"errorCode":50076}}""";
        var text = Record("a") + "\n" + twice + "\n" + twice.Replace("\"b\"", "\"c\"") + "\n";

        var items = ReadText(text, "dup.json");

        Assert.Empty(items.Problems());
        Assert.Equal("t2", items.SignIns()[1].HomeTenantId);
        var warning = Assert.Single(items, i => i.Warning is not null).Warning!;
        Assert.Contains("2 record(s) name a property twice", warning, StringComparison.Ordinal);
        Assert.Contains("line 2, record 2, property \"homeTenantId\"", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_json_is_warned_with_its_record()
    {
        var bytes = Concat(Record("a") + "\n" + """{"id":"b","createdDateTime":"2025-01-01T00:00:00Z","userAgent":"bad """, [0xC3, 0x28, 0xFF], "\",\"status\":{\"errorCode\":50076}}\n");

        var items = ReadBytes(bytes, "bad.json");

        Assert.Equal(2, items.SignIns().Count);
        var warning = Assert.Single(items, i => i.Warning is not null).Warning!;
        Assert.Contains("not valid UTF-8", warning, StringComparison.Ordinal);
        Assert.Contains("line 2, record 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_csv_is_warned_with_its_row()
    {
        var bytes = Concat("TimeGenerated,ResultType,UserPrincipalName,Id\r\n2025-01-01T00:00:00Z,50076,u@contoso.com,a\r\n2025-01-01T00:00:00Z,50076,u", [0xFF], "@contoso.com,b\r\n");

        var items = ReadBytes(bytes, "bad.csv");

        Assert.Equal(["a", "b"], items.SignIns().Select(s => s.Id));
        var warning = Assert.Single(items, i => i.Warning is not null).Warning!;
        Assert.Contains("1 byte sequence(s) that are not valid UTF-8", warning, StringComparison.Ordinal);
        Assert.Contains("line 3, record 2", warning, StringComparison.Ordinal);
    }

    private static string Record(string id) =>
        "{\"id\":\"" + id + "\",\"createdDateTime\":\"2025-01-01T00:00:00Z\",\"status\":{\"errorCode\":50076}}";

    private static byte[] Concat(string before, byte[] raw, string after = "") =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];
}
