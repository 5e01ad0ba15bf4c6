using System;
using EntraStrongAuth.Core.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Values reach KQL only as literals that cannot end early: every quote, backslash and line break escaped.</summary>
public class KqlLiteralTests
{
    [Theory]
    [InlineData("adele@contoso.com", "\"adele@contoso.com\"")]
    [InlineData("o'neil@contoso.com", "\"o'neil@contoso.com\"")]
    [InlineData("x\" | take 1 | union AuditLogs //", "\"x\\\" | take 1 | union AuditLogs //\"")]
    [InlineData("a\\\"b", "\"a\\\\\\\"b\"")]
    [InlineData("line1\r\nline2\tend", "\"line1\\r\\nline2\\tend\"")]
    [InlineData("", "\"\"")]
    public void Strings_are_double_quoted_with_every_special_character_escaped(string value, string expected) =>
        Assert.Equal(expected, KqlLiteral.Quote(value));

    [Theory]
    [InlineData("\u001B[31m")]
    [InlineData("nul\0byte")]
    [InlineData("\u0085next line")]
    public void Control_characters_without_a_KQL_escape_are_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => KqlLiteral.Quote(value));
        Assert.Contains("U+", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_times_are_typed_literals()
    {
        Assert.Equal("dynamic([\"50074\",\"50076\",\"x\\\"y\"])", KqlLiteral.StringList(new[] { "50074", "50076", "x\"y" }));
        Assert.Equal("dynamic([])", KqlLiteral.StringList(Array.Empty<string>()));
        Assert.Equal("datetime(2026-11-22T17:07:11.1234567Z)", KqlLiteral.DateTime(new DateTimeOffset(2026, 11, 22, 18, 7, 11, TimeSpan.FromHours(1)).AddTicks(1234567)));
    }
}
