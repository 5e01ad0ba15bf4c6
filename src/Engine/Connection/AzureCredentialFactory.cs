using System;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>Maps the module's connection options to an Azure.Identity credential. No SDK type leaves the Engine.</summary>
internal static class AzureCredentialFactory
{
    /// <summary>
    /// The public client Connect-MgGraph uses ("Microsoft Graph Command Line Tools"), so interactive sign-in works
    /// in tenants that already consented to it. -ClientId replaces it with the organization's own registration.
    /// </summary>
    public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    /// <param name="options">What the user asked for.</param>
    /// <param name="transport">Tests only: replaces the HTTP transport so token requests can be observed.</param>
    public static TokenCredential Create(ConnectionOptions options, HttpPipelineTransport? transport = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        TenantIdCheck.Validate(options.TenantId);
        var environment = options.Environment;
        return options.Kind switch
        {
            CredentialKind.AccessToken => new StaticAccessTokenCredential(Reveal(options.Secret, "AccessToken")),
            CredentialKind.GraphSession => new GraphSessionCredential(options.SessionTokenSource ?? throw new ArgumentException("A Graph PowerShell session connection needs its token source.", nameof(options))),
            CredentialKind.ClientSecret => new ClientSecretCredential(
                Require(options.TenantId, "TenantId"),
                Require(options.ClientId, "ClientId"),
                Reveal(options.Secret, "ClientSecretCredential"),
                Configure(new ClientSecretCredentialOptions(), environment, transport)),
            CredentialKind.Certificate => CreateCertificateCredential(options, transport),
            CredentialKind.InteractiveBrowser => new InteractiveBrowserCredential(Configure(
                new InteractiveBrowserCredentialOptions
                {
                    TenantId = options.TenantId,
                    ClientId = options.ClientId ?? DefaultPublicClientId,
                    LoginHint = options.LoginHint,
                },
                environment,
                transport)),
            CredentialKind.DeviceCode => new DeviceCodeCredential(Configure(
                new DeviceCodeCredentialOptions
                {
                    TenantId = options.TenantId,
                    ClientId = options.ClientId ?? DefaultPublicClientId,
                    DeviceCodeCallback = DeviceCodeCallback(options),
                },
                environment,
                transport)),
            CredentialKind.ManagedIdentity => new ManagedIdentityCredential(Configure(
                new ManagedIdentityCredentialOptions(string.IsNullOrWhiteSpace(options.ClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
                environment,
                transport)),
            CredentialKind.WorkloadIdentity => new WorkloadIdentityCredential(Configure(
                new WorkloadIdentityCredentialOptions
                {
                    TenantId = Require(options.TenantId, "TenantId"),
                    ClientId = Require(options.ClientId, "ClientId"),
                    TokenFilePath = FederatedTokenFile.Check(options.FederatedTokenFile),
                },
                environment,
                transport)),
            _ => throw new EntraStrongAuthException(ErrorIds.UnsupportedCredential, FailureKind.InvalidArgument, "Credential kind '" + options.Kind + "' is not supported."),
        };
    }

    private static ClientCertificateCredential CreateCertificateCredential(ConnectionOptions options, HttpPipelineTransport? transport)
    {
        var tenantId = Require(options.TenantId, "TenantId");
        var clientId = Require(options.ClientId, "ClientId");
        var source = options.Certificate ?? throw new EntraStrongAuthException(
            ErrorIds.MissingConnectionParameter,
            FailureKind.InvalidArgument,
            "A certificate sign-in needs -CertificateThumbprint, -CertificateSubjectName, -Certificate or -CertificatePath.",
            "Pass one of them.");
        var credentialOptions = Configure(new ClientCertificateCredentialOptions(), options.Environment, transport);
        var loaded = CertificateLoader.Load(source);
        return loaded.Certificate is not null
            ? new ClientCertificateCredential(tenantId, clientId, loaded.Certificate, credentialOptions)
            : new ClientCertificateCredential(tenantId, clientId, loaded.PemPath!, credentialOptions);
    }

    private static Func<DeviceCodeInfo, CancellationToken, Task> DeviceCodeCallback(ConnectionOptions options)
    {
        var prompt = options.DeviceCodePrompt ?? throw new EntraStrongAuthException(
            ErrorIds.DeviceCodeNeedsHost,
            FailureKind.InvalidArgument,
            "Device code sign-in needs a place to show the code.",
            "Run Connect-EntraStrongAuth -UseDeviceCode in an interactive PowerShell session.");

        // The message holds the verification URL and the user code, which the user must see; it holds no token.
        return (info, cancellationToken) => prompt(info.Message, cancellationToken);
    }

    private static TOptions Configure<TOptions>(TOptions credentialOptions, CloudEnvironment environment, HttpPipelineTransport? transport)
        where TOptions : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = environment.AuthorityHost;
        if (transport is not null)
        {
            credentialOptions.Transport = transport;
        }

        // A custom environment (private cloud, test double) has no instance-discovery endpoint to ask.
        var custom = environment.Name == CloudEnvironment.CustomName;
        switch (credentialOptions)
        {
            case ClientSecretCredentialOptions secret: secret.DisableInstanceDiscovery = custom; break;
            case ClientCertificateCredentialOptions certificate: certificate.DisableInstanceDiscovery = custom; break;
            case InteractiveBrowserCredentialOptions browser: browser.DisableInstanceDiscovery = custom; break;
            case DeviceCodeCredentialOptions deviceCode: deviceCode.DisableInstanceDiscovery = custom; break;
            case WorkloadIdentityCredentialOptions workload: workload.DisableInstanceDiscovery = custom; break;
        }

        return credentialOptions;
    }

    internal static string Require(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new EntraStrongAuthException(ErrorIds.MissingConnectionParameter, FailureKind.InvalidArgument, "-" + parameter + " is required for this kind of sign-in.", "Pass -" + parameter + ".")
            : value!;

    /// <summary>
    /// The credential Log Analytics queries ask for tokens: the connection's own (asked for that API's scope), except
    /// for <c>-AccessToken</c>, whose token is Graph's: then the caller's <c>-LogAnalyticsAccessToken</c>, or null; and
    /// null for a Graph PowerShell session, which holds Graph tokens only.
    /// </summary>
    public static TokenCredential? ForWorkspace(ConnectionOptions options, TokenCredential connectionCredential) =>
        options.Kind == CredentialKind.GraphSession ? null
        : options.Kind != CredentialKind.AccessToken ? connectionCredential
        : options.LogAnalyticsAccessToken is null ? null
        : new StaticAccessTokenCredential(Reveal(options.LogAnalyticsAccessToken, "LogAnalyticsAccessToken"));

    private static string Reveal(SecureString? secret, string parameter)
    {
        // The plain text lives only as long as the credential object needs it; it is never logged.
        var plain = secret is null ? null : new NetworkCredential(string.Empty, secret).Password;
        return string.IsNullOrEmpty(plain)
            ? throw new EntraStrongAuthException(ErrorIds.MissingConnectionParameter, FailureKind.InvalidArgument, "-" + parameter + " is empty.", "Pass a non-empty -" + parameter + ".")
            : plain!;
    }
}
