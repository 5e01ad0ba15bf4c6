using System;
using System.Management.Automation;
using EntraStrongAuth.Engine.Application.Filtering;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>The Engine's wildcard matcher gives PowerShell's WildcardPattern answers (the two are compared directly).</summary>
public class NamePatternTests
{
    [Theory]
    [InlineData("alex@contoso.com", "ALEX@Contoso.com")]
    [InlineData("alex@contoso.com", "alex@contoso.co")]
    [InlineData("svc-*", "svc-build@contoso.com")]
    [InlineData("svc-*", "build-svc@contoso.com")]
    [InlineData("*@contoso.com", "x@contoso.com")]
    [InlineData("*@contoso.com", "x@contoso.com.evil")]
    [InlineData("a?ex@*", "alex@contoso.com")]
    [InlineData("a?ex@*", "aex@contoso.com")]
    [InlineData("[ab]*", "Bob@contoso.com")]
    [InlineData("[ab]*", "carol@contoso.com")]
    [InlineData("user[0-9]@*", "user7@contoso.com")]
    [InlineData("user[0-9]@*", "userx@contoso.com")]
    [InlineData("user[a-c-]x", "user-x")]
    [InlineData("a`*b", "a*b")]
    [InlineData("a`*b", "axb")]
    [InlineData("a`[b`]", "a[b]")]
    [InlineData("[`]]x", "]x")]
    [InlineData("trail`", "trail`")]
    [InlineData("trail`", "trail")]
    [InlineData("a.b+c(d)", "a.b+c(d)")]
    [InlineData("a.b+c(d)", "aXb+c(d)")]
    [InlineData("a]b", "a]b")]
    [InlineData("*", "")]
    [InlineData("?", "")]
    [InlineData("line*", "line1\nline2")]
    [InlineData("phishing resistant mfa", "Phishing resistant MFA")]
    public void Matches_as_PowerShell_does(string pattern, string value)
    {
        var expected = new WildcardPattern(pattern, WildcardOptions.IgnoreCase).IsMatch(value);

        Assert.Equal(expected, new NamePattern(pattern).IsMatch(value));
    }

    [Theory]
    [InlineData("plain@contoso.com")]
    [InlineData("svc-*")]
    [InlineData("a?b")]
    [InlineData("[ab]")]
    [InlineData("a]b")]
    [InlineData("a`*b")]
    [InlineData("a``*b")]
    [InlineData("trail`")]
    public void Finds_wildcard_characters_as_PowerShell_does(string pattern)
    {
        Assert.Equal(WildcardPattern.ContainsWildcardCharacters(pattern), NamePattern.ContainsWildcardCharacters(pattern));
    }

    [Fact]
    public void A_missing_value_matches_nothing_and_an_unclosed_set_fails_when_used()
    {
        Assert.False(new NamePattern("*").IsMatch(null));

        var unclosed = new NamePattern("a[bc");
        Assert.Throws<ArgumentException>(() => unclosed.IsMatch("ab"));
    }
}
