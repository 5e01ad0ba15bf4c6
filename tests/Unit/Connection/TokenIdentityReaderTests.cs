using System;
using System.Text;
using EntraStrongAuth.Engine.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

public class TokenIdentityReaderTests
{
    private static string Jwt(string claims) =>
        Segment("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + Segment(claims) + ".c2lnbmF0dXJl";

    private static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void A_delegated_token_names_the_user_and_its_scopes()
    {
        var identity = TokenIdentityReader.TryRead(Jwt("""{"tid":"t-1","upn":"o'neil@contoso.com","appid":"app-1","scp":"AuditLog.Read.All Policy.Read.All","exp":1764400000}"""));

        Assert.NotNull(identity);
        Assert.Equal("t-1", identity.TenantId);
        Assert.Equal("o'neil@contoso.com", identity.Account);
        Assert.Equal("app-1", identity.AppId);
        Assert.Equal(new[] { "AuditLog.Read.All", "Policy.Read.All" }, identity.Permissions);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764400000), identity.ExpiresOn);
    }

    [Fact]
    public void An_app_only_token_has_roles_and_no_account()
    {
        var identity = TokenIdentityReader.TryRead(Jwt("""{"tid":"t-2","azp":"app-2","roles":["AuditLog.Read.All","Directory.Read.All"],"upn":"ignored@contoso.com"}"""));

        Assert.NotNull(identity);
        Assert.Null(identity.Account);
        Assert.Equal("app-2", identity.AppId);
        Assert.Equal(new[] { "AuditLog.Read.All", "Directory.Read.All" }, identity.Permissions);
        Assert.Null(identity.ExpiresOn);
    }

    [Theory]
    [InlineData("opaque-token-without-dots")]
    [InlineData("a.!!!notbase64!!!.c")]
    [InlineData("a.bm90IGpzb24.c")]
    [InlineData("a.WzEsMl0.c")]
    public void Tokens_that_are_not_readable_jwts_give_nothing(string token)
    {
        Assert.Null(TokenIdentityReader.TryRead(token));
    }
}
