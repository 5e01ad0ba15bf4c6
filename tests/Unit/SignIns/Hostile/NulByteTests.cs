using System;
using System.Linq;
using System.Text;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// NUL bytes are decided on content, the same wherever they are: a text log with a stray NUL is still text (the NUL is
/// read as a space, and one warning per file gives the count and the first line); a file that is mostly control bytes
/// is binary: one clear error. Before, one NUL in the first 64 KB rejected the whole file with no line.
/// </summary>
public class NulByteTests
{
    private const string Header = "TimeGenerated,ResultType,UserPrincipalName,Id\r\n";

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void A_stray_nul_in_ndjson_costs_nothing_and_is_warned_with_its_line(int padding)
    {
        var filler = string.Concat(Enumerable.Range(0, padding / 90).Select(i => Record("f" + i, "x") + "\n"));
        var text = filler + Record("a", "ok") + "\n" + Record("b", "agent\0with nul") + "\n" + Record("c", "ok") + "\n";

        var items = ReadText(text, "nul.json");

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(["a", "b", "c"], signIns.Skip(signIns.Count - 3).Select(s => s.Id));
        Assert.Equal("agent with nul", signIns[^2].UserAgent);
        var warning = Assert.Single(items, i => i.Warning is not null).Warning!;
        Assert.Contains("1 NUL byte(s)", warning, StringComparison.Ordinal);
        Assert.Contains("line " + (filler.Count(c => c == '\n') + 2), warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_inside_a_graph_array_does_not_cost_the_rest_of_the_file()
    {
        var text = "[" + Record("a", "ok") + ",\n" + Record("b", "x\0y") + ",\n" + Record("c", "ok") + "]";

        var items = ReadText(text, "array.json");

        Assert.Equal(["a", "b", "c"], items.SignIns().Select(s => s.Id));
        Assert.Contains("line 2", Assert.Single(items, i => i.Warning is not null).Warning!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_a_csv_cell_is_warned_with_its_line_and_record()
    {
        var text = Header + "2025-01-01T00:00:00Z,50076,u@contoso.com,a\r\n2025-01-01T00:00:01Z,50076,u\0@contoso.com,b\r\n";

        var items = ReadText(text, "la.csv");

        Assert.Equal(["a", "b"], items.SignIns().Select(s => s.Id));
        var warning = Assert.Single(items, i => i.Warning is not null).Warning!;
        Assert.Contains("line 3, record 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_one_clear_error()
    {
        var bytes = new byte[4096];
        new Random(14).NextBytes(bytes);
        bytes[0] = (byte)'{';

        var problem = Assert.Single(ReadBytes(bytes, "image.json")).Problem!;

        Assert.Equal("SignInLogFormatUnknown", problem.ErrorId);
        Assert.Contains("binary", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_log_with_a_few_control_characters_is_still_text()
    {
        var text = Header + "\"\u001B[2J\u0007bad\",50076,u@contoso.com,a\r\n";

        var problem = Assert.Single(ReadText(text, "la.csv").Problems());

        Assert.Equal("SignInFieldInvalid", problem.ErrorId);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_named_as_such()
    {
        var bytes = Encoding.Unicode.GetBytes(Header + "2025-01-01T00:00:00Z,50076,u@contoso.com,a\r\n");

        var problem = Assert.Single(ReadBytes(bytes, "la.csv")).Problem!;

        Assert.Contains("UTF-16", problem.Message, StringComparison.Ordinal);
    }

    private static string Record(string id, string agent) =>
        "{\"id\":\"" + id + "\",\"createdDateTime\":\"2025-01-01T00:00:00Z\",\"userAgent\":\"" + agent + "\",\"status\":{\"errorCode\":50076}}";
}
