using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>
/// A Connect-MgGraph session's token: kept until five minutes before it expires, then asked of the session again
/// (once, however many requests need it at that moment); an expired one is refused, naming when, never showing it.
/// </summary>
public class GraphSessionCredentialTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly TokenRequestContext Request = new(new[] { "https://graph.microsoft.com/.default" });

    private static string Jwt(DateTimeOffset expires) =>
        Segment("{\"alg\":\"none\"}") + "." + Segment("{\"tid\":\"t\",\"scp\":\"AuditLog.Read.All\",\"exp\":" + expires.ToUnixTimeSeconds() + "}") + ".c2ln";

    private static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task A_token_is_asked_for_once_and_kept_while_it_is_fresh()
    {
        var token = Jwt(Now.AddHours(1));
        var asked = 0;
        var credential = new GraphSessionCredential(_ => { asked++; return Task.FromResult(token); }, () => Now);

        var first = await credential.GetTokenAsync(Request, CancellationToken.None);
        var second = await credential.GetTokenAsync(Request, CancellationToken.None);

        Assert.Equal(token, first.Token);
        Assert.Equal(token, second.Token);
        Assert.Equal(Now.AddHours(1), first.ExpiresOn);
        Assert.Equal(1, asked);
        Assert.Equal(1, credential.Acquisitions);
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_is_renewed_through_the_session()
    {
        var tokens = new[] { Jwt(Now.AddMinutes(4)), Jwt(Now.AddHours(1)) };
        var asked = 0;
        var credential = new GraphSessionCredential(_ => Task.FromResult(tokens[Math.Min(asked++, 1)]), () => Now);

        var first = await credential.GetTokenAsync(Request, CancellationToken.None);
        var second = await credential.GetTokenAsync(Request, CancellationToken.None);
        var third = await credential.GetTokenAsync(Request, CancellationToken.None);

        Assert.Equal(tokens[0], first.Token);
        Assert.Equal(tokens[1], second.Token);
        Assert.Equal(tokens[1], third.Token);
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task Requests_that_need_a_token_at_once_share_one_renewal()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        var credential = new GraphSessionCredential(_ => { Interlocked.Increment(ref asked); return release.Task; }, () => Now);

        var waiting = new[] { credential.GetTokenAsync(Request, CancellationToken.None).AsTask(), credential.GetTokenAsync(Request, CancellationToken.None).AsTask() };
        release.SetResult(Jwt(Now.AddHours(1)));
        await Task.WhenAll(waiting);

        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task An_expired_token_is_refused_naming_when_and_never_shown()
    {
        var token = Jwt(Now.AddMinutes(-10));
        var credential = new GraphSessionCredential(_ => Task.FromResult(token), () => Now);

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(async () => await credential.GetTokenAsync(Request, CancellationToken.None));

        Assert.Equal(ErrorIds.GraphSessionTokenExpired, error.ErrorId);
        Assert.Contains("expired at 2026-12-08 08:50:00 UTC", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connect-MgGraph", error.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_from_the_session_is_GraphSessionTokenUnavailable()
    {
        var credential = new GraphSessionCredential(_ => Task.FromResult(string.Empty), () => Now);

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(async () => await credential.GetTokenAsync(Request, CancellationToken.None));

        Assert.Equal(ErrorIds.GraphSessionTokenUnavailable, error.ErrorId);
    }

    [Fact]
    public void A_session_connection_is_adopted_without_a_request_and_names_the_missing_scopes()
    {
        var options = new ConnectionOptions(CredentialKind.GraphSession, CloudEnvironment.Get("USGov"))
        {
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e",
            Scopes = new[] { "AuditLog.Read.All", "Directory.Read.All" },
            SessionTokenSource = _ => throw new InvalidOperationException("No token may be asked for to adopt a session."),
            Source = "Connect-MgGraph",
            KnownIdentity = new TokenIdentity("contoso.onmicrosoft.com", "admin@contoso.com", null, new[] { "AuditLog.Read.All", "Directory.Read.All" }, null),
        };

        using var connection = GraphConnection.Adopt(options);

        var context = connection.Context;
        Assert.True(context.FromGraphSession);
        Assert.Equal("admin@contoso.com", context.Account);
        Assert.Equal("USGov", context.Environment);
        Assert.Equal(new Uri("https://graph.microsoft.us/"), context.GraphEndpoint);
        // Directory.Read.All includes GroupMember.Read.All and RoleManagement.Read.Directory.
        Assert.Equal(new[] { "Policy.Read.All", "UserAuthenticationMethod.Read.All" }, context.MissingScopes);
        Assert.Null(connection.WorkspaceCredential);
    }
}
