using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>
/// The module's credential mapping (Azure.Identity + MSAL, custom cloud, instance discovery off) gets a token from the
/// simulator's token endpoint over HTTPS (MSAL refuses http authorities) and that token reads sign-ins.
/// </summary>
[Collection(SimulatorDataGroup.Name)]
public class SimulatorAzureIdentityTests
{
    private readonly SimTenant tenant;

    public SimulatorAzureIdentityTests(SimulatorData data) => tenant = data.Tenant;

    [Fact]
    public async Task Client_secret_credential_for_a_custom_cloud_gets_a_token_from_the_simulator()
    {
        await using var sim = await GraphSimulatorHost.StartAsync(new GraphSimulatorOptions { UseHttps = true, ThrottleRequests = 0 }, tenant);
        using var handler = new HttpClientHandler
        {
            // Trust exactly the simulator's throwaway certificate.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == sim.Certificate!.Thumbprint,
        };
        var environment = CloudEnvironment.Custom(sim.AuthorityUri, sim.GraphBaseUri);
        var secret = new System.Security.SecureString();
        foreach (char c in "s3cret")
        {
            secret.AppendChar(c);
        }

        var options = new ConnectionOptions(CredentialKind.ClientSecret, environment)
        {
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "cccccccc-0000-0000-0000-00000000000c",
            Secret = secret,
        };
        var credential = AzureCredentialFactory.Create(options, new HttpClientTransport(handler));

        var token = await credential.GetTokenAsync(new TokenRequestContext(new[] { environment.DefaultScope }), CancellationToken.None);

        var tokenRequests = sim.Requests.Snapshot().Where(r => r.Method == "POST").ToList();
        Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", Assert.Single(tokenRequests).PathAndQuery);
        // With instance discovery off, MSAL asks for nothing but the token: no discovery or OpenID metadata request.
        Assert.Equal(tokenRequests, sim.Requests.Snapshot());
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = sim.GraphBaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);
        using var response = await http.GetAsync("beta/auditLogs/signIns?$top=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cccccccc-0000-0000-0000-00000000000c", sim.Requests.SignIns().Single().AppKey);
    }
}
