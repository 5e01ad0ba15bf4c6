using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>
/// Every way of signing in, mapped to its Azure.Identity credential and driven through the real MSAL requests
/// against a recording transport: the right credential type, authority, tenant, client and scope.
/// </summary>
public class CredentialKindTests
{
    private const string Tenant = "contoso.onmicrosoft.com";
    private const string Client = "00000000-0000-0000-0000-0000000000bb";

    [Theory]
    [InlineData("Global", "login.microsoftonline.com")]
    [InlineData("USGovDoD", "login.microsoftonline.us")]
    [InlineData("China", "login.chinacloudapi.cn")]
    public async Task Certificate_signs_a_client_assertion_with_its_own_key(string cloud, string host)
    {
        using var certificate = TestCertificates.Create("esa-app");
        var environment = CloudEnvironment.Get(cloud);
        var options = new ConnectionOptions(CredentialKind.Certificate, environment)
        {
            TenantId = Tenant,
            ClientId = Client,
            Certificate = CertificateSource.FromCertificate(certificate),
        };

        var (credential, request) = await SignInAsync(options);

        Assert.IsType<ClientCertificateCredential>(credential);
        Assert.Equal(host, request.Uri.Host);
        Assert.StartsWith("/" + Tenant + "/", request.Uri.AbsolutePath, StringComparison.Ordinal);
        var form = Form(request.Body);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        Assert.Equal(environment.DefaultScope, form["scope"]);
        Assert.Equal(TestCertificates.X5t(certificate), AssertionHeader(form["client_assertion"]).GetProperty("x5t#S256").GetString());
    }

    [Fact]
    public async Task Certificate_from_a_password_protected_pfx_file()
    {
        using var certificate = TestCertificates.Create("esa-pfx");
        var path = Path.Combine(Path.GetTempPath(), "esa-" + Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        try
        {
            var options = CertificateOptions(CertificateSource.FromFile(path, TestSecrets.Secure("pfx-pass")));

            var (_, request) = await SignInAsync(options);

            Assert.Equal(TestCertificates.X5t(certificate), AssertionHeader(Form(request.Body)["client_assertion"]).GetProperty("x5t#S256").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Certificate_from_a_pem_file_with_its_key()
    {
        using var certificate = TestCertificates.Create("esa-pem");
        var path = Path.Combine(Path.GetTempPath(), "esa-" + Guid.NewGuid().ToString("N") + ".pem");
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        try
        {
            var (_, request) = await SignInAsync(CertificateOptions(CertificateSource.FromFile(path, null)));

            Assert.Equal(TestCertificates.X5t(certificate), AssertionHeader(Form(request.Body)["client_assertion"]).GetProperty("x5t#S256").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Certificate_found_by_thumbprint_or_subject_in_the_users_store()
    {
        using var certificate = TestCertificates.Create("esa-store-" + Guid.NewGuid().ToString("N")[..8]);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            // Thumbprints are often pasted with spaces and in lower case from the certificate dialog.
            var spaced = string.Join(" ", Enumerable.Range(0, 20).Select(i => certificate.Thumbprint.Substring(i * 2, 2).ToLowerInvariant()));
            var (_, byThumbprint) = await SignInAsync(CertificateOptions(CertificateSource.FromThumbprint(spaced)));
            var (_, bySubject) = await SignInAsync(CertificateOptions(CertificateSource.FromSubjectName(certificate.Subject)));

            Assert.Equal(TestCertificates.X5t(certificate), AssertionHeader(Form(byThumbprint.Body)["client_assertion"]).GetProperty("x5t#S256").GetString());
            Assert.Equal(TestCertificates.X5t(certificate), AssertionHeader(Form(bySubject.Body)["client_assertion"]).GetProperty("x5t#S256").GetString());
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public void Certificate_problems_are_named_before_any_request()
    {
        using var withKey = TestCertificates.Create("esa-public");
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
        var missingFile = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".pfx");

        Assert.Equal("CertificateHasNoPrivateKey", Failure(CertificateOptions(CertificateSource.FromCertificate(publicOnly))).ErrorId);
        Assert.Equal("CertificateNotFound", Failure(CertificateOptions(CertificateSource.FromFile(missingFile, null))).ErrorId);
        var notInStore = Failure(CertificateOptions(CertificateSource.FromThumbprint("00112233445566778899AABBCCDDEEFF00112233")));
        Assert.Equal("CertificateNotFound", notInStore.ErrorId);
        Assert.Equal(FailureKind.ObjectNotFound, notInStore.Kind);
        Assert.Contains("CurrentUser\\My", notInStore.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_with_the_wrong_password_is_reported_as_unreadable()
    {
        using var certificate = TestCertificates.Create("esa-badpass");
        var path = Path.Combine(Path.GetTempPath(), "esa-" + Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "right"));
        try
        {
            var error = Failure(CertificateOptions(CertificateSource.FromFile(path, TestSecrets.Secure("wrong"))));

            Assert.Equal("CertificateUnreadable", error.ErrorId);
            Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("11111111-2222-3333-4444-555555555555")]
    public async Task Managed_identity_asks_the_local_endpoint_for_graph(string? userAssignedClientId)
    {
        var options = new ConnectionOptions(CredentialKind.ManagedIdentity, CloudEnvironment.Get("Global")) { ClientId = userAssignedClientId };
        var transport = new RecordingTokenTransport();
        var credential = AzureCredentialFactory.Create(options, transport);

        var token = await credential.GetTokenAsync(new TokenRequestContext(new[] { options.Environment.DefaultScope }), CancellationToken.None);

        Assert.IsType<ManagedIdentityCredential>(credential);
        Assert.Equal(RecordingTokenTransport.Token, token.Token);
        var request = transport.Requests[^1];
        Assert.Equal("169.254.169.254", request.Uri.Host);
        Assert.Contains("resource=https://graph.microsoft.com", Uri.UnescapeDataString(request.Uri.Query), StringComparison.Ordinal);
        if (userAssignedClientId is null)
        {
            Assert.DoesNotContain("client_id=", request.Uri.Query, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("client_id=" + userAssignedClientId, request.Uri.Query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Workload_identity_exchanges_the_token_file_for_a_graph_token()
    {
        var tokenFile = Path.Combine(Path.GetTempPath(), "esa-federated-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(tokenFile, "github-oidc-token-value");
        try
        {
            var options = new ConnectionOptions(CredentialKind.WorkloadIdentity, CloudEnvironment.Get("USGov"))
            {
                TenantId = Tenant,
                ClientId = Client,
                FederatedTokenFile = tokenFile,
            };

            var (credential, request) = await SignInAsync(options);

            Assert.IsType<WorkloadIdentityCredential>(credential);
            Assert.Equal("login.microsoftonline.us", request.Uri.Host);
            var form = Form(request.Body);
            Assert.Equal("github-oidc-token-value", form["client_assertion"]);
            Assert.Equal(Client, form["client_id"]);
            Assert.Equal("https://graph.microsoft.us/.default", form["scope"]);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public void Workload_identity_without_a_token_file_says_where_it_looked()
    {
        var missing = new ConnectionOptions(CredentialKind.WorkloadIdentity, CloudEnvironment.Get("Global")) { TenantId = Tenant, ClientId = Client };
        var wrongPath = new ConnectionOptions(CredentialKind.WorkloadIdentity, CloudEnvironment.Get("Global"))
        {
            TenantId = Tenant,
            ClientId = Client,
            FederatedTokenFile = "/nowhere/token",
        };

        Assert.Contains("AZURE_FEDERATED_TOKEN_FILE", Failure(missing).Message, StringComparison.Ordinal);
        Assert.Equal("FederatedTokenFileNotFound", Failure(wrongPath).ErrorId);
    }

    [Fact]
    public async Task Device_code_shows_the_code_through_the_prompt_and_asks_delegated_scopes()
    {
        string? shown = null;
        var options = new ConnectionOptions(CredentialKind.DeviceCode, CloudEnvironment.Get("Global"))
        {
            TenantId = Tenant,
            DeviceCodePrompt = (message, _) =>
            {
                shown = message;
                return Task.CompletedTask;
            },
        };
        var scopes = GraphScopes.For(options);
        var transport = new RecordingTokenTransport();
        var credential = AzureCredentialFactory.Create(options, transport);

        var token = await credential.GetTokenAsync(new TokenRequestContext(scopes.ToArray()), CancellationToken.None);

        Assert.IsType<DeviceCodeCredential>(credential);
        Assert.Equal(RecordingTokenTransport.Token, token.Token);
        Assert.Contains("TSTCODE42", shown, StringComparison.Ordinal);
        var codeRequest = Form(transport.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/devicecode", StringComparison.Ordinal)).Body);
        Assert.Equal(AzureCredentialFactory.DefaultPublicClientId, codeRequest["client_id"]);
        Assert.Contains("https://graph.microsoft.com/AuditLog.Read.All", codeRequest["scope"], StringComparison.Ordinal);
        Assert.Contains("https://graph.microsoft.com/Policy.Read.All", codeRequest["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void Interactive_browser_uses_the_given_client_or_the_graph_command_line_tools_app()
    {
        var options = new ConnectionOptions(CredentialKind.InteractiveBrowser, CloudEnvironment.Get("China")) { LoginHint = "admin@contoso.cn" };

        // Opening a browser cannot be tested here; the mapping and the scopes it would ask for can.
        Assert.IsType<InteractiveBrowserCredential>(AzureCredentialFactory.Create(options));
        Assert.Equal(
            new[] { "https://microsoftgraph.chinacloudapi.cn/AuditLog.Read.All", "https://microsoftgraph.chinacloudapi.cn/Policy.Read.All" },
            GraphScopes.For(options));
    }

    private static ConnectionOptions CertificateOptions(CertificateSource source) =>
        new(CredentialKind.Certificate, CloudEnvironment.Get("Global")) { TenantId = Tenant, ClientId = Client, Certificate = source };

    private static EntraStrongAuthException Failure(ConnectionOptions options) =>
        Assert.Throws<EntraStrongAuthException>(() => AzureCredentialFactory.Create(options, new RecordingTokenTransport()));

    private static async Task<(TokenCredential Credential, (Uri Uri, string Body) Request)> SignInAsync(ConnectionOptions options)
    {
        var transport = new RecordingTokenTransport();
        var credential = AzureCredentialFactory.Create(options, transport);
        var token = await credential.GetTokenAsync(new TokenRequestContext(GraphScopes.For(options).ToArray()), CancellationToken.None);
        Assert.Equal(RecordingTokenTransport.Token, token.Token);
        return (credential, transport.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)));
    }

    private static System.Collections.Generic.Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static JsonElement AssertionHeader(string jwt)
    {
        var header = jwt.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + ((4 - (header.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        return document.RootElement.Clone();
    }
}
