using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core.Pipeline;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>
/// App-only sign-ins end to end: Azure.Identity + MSAL get a token from the simulator's token endpoint (HTTPS, as
/// MSAL requires of an authority), then the module proves the connection against the simulator's Graph.
/// </summary>
public class ConnectThroughSimulatorTests
{
    private const string Client = "22222222-3333-4444-5555-666666666666";

    private static readonly SimDataSource Tiny = new() { Users = 12, Days = 2 };

    [Theory]
    [InlineData(CredentialKind.ClientSecret)]
    [InlineData(CredentialKind.Certificate)]
    [InlineData(CredentialKind.WorkloadIdentity)]
    public async Task An_app_signs_in_and_the_context_shows_what_the_token_grants(CredentialKind kind)
    {
        await using var authority = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { UseHttps = true, Data = Tiny });
        await using var graph = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = Tiny });
        using var certificate = TestCertificates.Create("esa-sim");
        var tokenFile = Path.Combine(Path.GetTempPath(), "esa-oidc-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(tokenFile, "oidc-token-from-ci");
        var environment = CloudEnvironment.Custom(authority.AuthorityUri, graph.GraphBaseUri);
        var options = new ConnectionOptions(kind, environment)
        {
            TenantId = authority.Tenant.TenantId,
            ClientId = Client,
            Secret = kind == CredentialKind.ClientSecret ? TestSecrets.Secure("sim-secret") : null,
            Certificate = kind == CredentialKind.Certificate ? CertificateSource.FromCertificate(certificate) : null,
            FederatedTokenFile = kind == CredentialKind.WorkloadIdentity ? tokenFile : null,
        };

        // Only the authority's own throwaway certificate is trusted, and only by this test's transport.
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == authority.Certificate!.Thumbprint,
        };
        try
        {
            using var connection = await GraphConnection.ConnectAsync(options, new HttpClientTransport(handler), CancellationToken.None);

            var context = connection.Context;
            Assert.Equal(kind, context.AuthTypeKind);
            Assert.Equal(Client, context.ClientId);
            Assert.Equal(graph.Tenant.DisplayName, context.TenantDisplayName);
            Assert.Null(context.Account);
            Assert.Equal(new[] { "AuditLog.Read.All" }, context.Scopes);
            Assert.True(context.HasPermission("auditlog.read.all"));
            Assert.False(context.HasPermission("Policy.Read.All"));
            var tokenRequest = Assert.Single(authority.Requests.Snapshot(), r => r.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
            Assert.Equal(200, tokenRequest.Status);
            var organization = Assert.Single(graph.Requests.Snapshot(), r => r.PathAndQuery.Contains("/organization", StringComparison.Ordinal));
            Assert.True(organization.HasAuthorization);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task A_rejected_sign_in_is_an_authentication_error_with_advice_for_that_kind()
    {
        await using var graph = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { Data = Tiny });
        var environment = CloudEnvironment.Custom(new Uri("https://127.0.0.1:9/"), graph.GraphBaseUri);
        var options = new ConnectionOptions(CredentialKind.ClientSecret, environment) { TenantId = "contoso", ClientId = Client, Secret = TestSecrets.Secure("never-shown-secret") };

        var error = await Assert.ThrowsAsync<Core.Errors.EntraStrongAuthException>(() => GraphConnection.ConnectAsync(options, CancellationToken.None));

        Assert.Equal("AuthenticationFailed", error.ErrorId);
        Assert.Contains("secret", error.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("never-shown-secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(graph.Requests.Snapshot(), r => r.PathAndQuery.Contains("/organization", StringComparison.Ordinal) && r.Status == 200);
    }
}
