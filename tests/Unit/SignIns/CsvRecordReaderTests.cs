using System.Collections.Generic;
using System.IO;
using EntraStrongAuth.Engine.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.SignIns;

public class CsvRecordReaderTests
{
    [Fact]
    public void Rfc4180_quoting_line_ends_and_line_numbers()
    {
        var text = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n"
            + "\"multi\r\nline\nvalue\",,last\n"
            + "\rcr,only\r"
            + "no,final,newline";

        var rows = Read(text, bufferSize: 5);

        Assert.Equal(
            [
                (1L, "a|b,1|say \"hi\""),
                (2L, "multi\r\nline\nvalue||last"),
                (5L, string.Empty),
                (6L, "cr|only"),
                (7L, "no|final|newline"),
            ],
            rows);
    }

    [Fact]
    public void An_unterminated_quote_is_flagged_and_a_stray_quote_kept()
    {
        var csv = new CsvRecordReader(new StringReader("ab\"c,\"open"));

        Assert.True(csv.Read());
        Assert.Equal("ab\"c", csv[0].ToString());
        Assert.Equal("open", csv[1].ToString());
        Assert.True(csv.HasUnterminatedQuote);
        Assert.False(csv.Read());
    }

    [Fact]
    public void A_blank_line_is_told_from_a_quoted_empty_cell()
    {
        var csv = new CsvRecordReader(new StringReader("\r\n\"\"\r\n"));

        Assert.True(csv.Read());
        Assert.True(csv.IsBlankLine);
        Assert.True(csv.Read());
        Assert.False(csv.IsBlankLine);
    }

    private static List<(long Line, string Cells)> Read(string text, int bufferSize)
    {
        var csv = new CsvRecordReader(new StringReader(text), bufferSize);
        var rows = new List<(long, string)>();
        while (csv.Read())
        {
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv[i].ToString();
            }

            rows.Add((csv.Line, string.Join("|", cells)));
        }

        return rows;
    }
}
