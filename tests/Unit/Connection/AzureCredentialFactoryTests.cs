using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>The credential mapping, exercised through the real Azure.Identity + MSAL stack with a recording transport.</summary>
public class AzureCredentialFactoryTests
{
    private static readonly string[] NoScopes = Array.Empty<string>();

    private static System.Security.SecureString Secure(string text) => TestSecrets.Secure(text);

    [Theory]
    [InlineData("Global", "login.microsoftonline.com", "https://graph.microsoft.com/.default")]
    [InlineData("USGov", "login.microsoftonline.us", "https://graph.microsoft.us/.default")]
    [InlineData("China", "login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public async Task Client_secret_asks_the_clouds_token_endpoint_for_its_graph_scope(string cloud, string host, string scope)
    {
        var environment = CloudEnvironment.Get(cloud);
        var options = new ConnectionOptions(CredentialKind.ClientSecret, environment)
        {
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "00000000-0000-0000-0000-0000000000aa",
            Secret = Secure("s3cret-value"),
        };
        var transport = new RecordingTokenTransport();
        var credential = AzureCredentialFactory.Create(options, transport);

        var token = await credential.GetTokenAsync(new TokenRequestContext(new[] { environment.DefaultScope }), CancellationToken.None);

        Assert.IsType<ClientSecretCredential>(credential);
        Assert.Equal("token-from-test", token.Token);
        var tokenRequest = Assert.Single(transport.Requests, r => r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Equal(host, tokenRequest.Uri.Host);
        Assert.StartsWith("/contoso.onmicrosoft.com/", tokenRequest.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("scope=" + Uri.EscapeDataString(scope), tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_token_is_returned_as_given_without_any_request()
    {
        var options = new ConnectionOptions(CredentialKind.AccessToken, CloudEnvironment.Get("Global")) { Secret = Secure("eyJ.header.sig") };

        var credential = AzureCredentialFactory.Create(options);
        var token = await credential.GetTokenAsync(new TokenRequestContext(NoScopes), CancellationToken.None);

        Assert.Equal("eyJ.header.sig", token.Token);
    }

    [Theory]
    [InlineData(null, "cid", "secret", "-TenantId")]
    [InlineData("tid", null, "secret", "-ClientId")]
    [InlineData("tid", "cid", "", "-ClientSecretCredential")]
    public void Missing_pieces_are_named(string? tenant, string? client, string secret, string parameter)
    {
        var options = new ConnectionOptions(CredentialKind.ClientSecret, CloudEnvironment.Get("Global"))
        {
            TenantId = tenant,
            ClientId = client,
            Secret = Secure(secret),
        };

        var error = Assert.Throws<EntraStrongAuthException>(() => AzureCredentialFactory.Create(options));

        Assert.Equal("MissingConnectionParameter", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_only_sign_in_always_uses_the_default_scope()
    {
        var options = new ConnectionOptions(CredentialKind.ClientSecret, CloudEnvironment.Get("USGovDoD")) { Scopes = new[] { "AuditLog.Read.All" } };

        Assert.Equal(new[] { "https://dod-graph.microsoft.us/.default" }, GraphScopes.For(options));
    }
}
