using System;
using System.IO;
using EntraStrongAuth.Core.Csv;
using Xunit;

namespace EntraStrongAuth.Tests.CsvWriting;

/// <summary>Cells a spreadsheet would run as formulas are written as text; everything else as RFC 4180 has it.</summary>
public class SpreadsheetSafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("-", "'-")]
    public void A_cell_that_starts_like_a_formula_gets_a_leading_quote(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetSafeCsv.Neutralize(value));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0)")]
    [InlineData("alex@contoso.com")]
    [InlineData("50076")]
    [InlineData("-5")]
    [InlineData("-0.25")]
    [InlineData(" =not a formula start")]
    [InlineData("")]
    public void Other_cells_are_left_as_they_are(string value)
    {
        Assert.Equal(value, SpreadsheetSafeCsv.Neutralize(value));
    }

    [Fact]
    public void A_row_is_neutralized_then_quoted_by_RFC_4180()
    {
        using var writer = new StringWriter();

        SpreadsheetSafeCsv.WriteRow(writer, new[] { null, "=1+1", "a,b", "say \"hi\"", "line\nbreak", "\r=2", "-7" });

        Assert.Equal(",'=1+1,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"'\r=2\",-7\r\n", writer.ToString());
    }

    [Fact]
    public void The_delimiter_of_the_file_decides_what_is_quoted()
    {
        Assert.Equal("a,b", SpreadsheetSafeCsv.Cell("a,b", ';'));
        Assert.Equal("\"a;b\"", SpreadsheetSafeCsv.Cell("a;b", ';'));
    }
}
