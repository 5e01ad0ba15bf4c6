using System;
using System.Net;
using System.Security;
using Azure.Core;
using Azure.Identity;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>Maps the module's connection options to an Azure.Identity credential. No SDK type leaves the Engine.</summary>
internal static class AzureCredentialFactory
{
    /// <param name="options">What the user asked for.</param>
    /// <param name="transport">Tests only: replaces the HTTP transport so token requests can be observed.</param>
    public static TokenCredential Create(ConnectionOptions options, Azure.Core.Pipeline.HttpPipelineTransport? transport = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return options.Kind switch
        {
            CredentialKind.AccessToken => new StaticAccessTokenCredential(Reveal(options.Secret, "AccessToken")),
            CredentialKind.ClientSecret => new ClientSecretCredential(
                Require(options.TenantId, "TenantId"),
                Require(options.ClientId, "ClientId"),
                Reveal(options.Secret, "ClientSecretCredential"),
                Configure(new ClientSecretCredentialOptions(), options.Environment, transport)),
            _ => throw new EntraStrongAuthException("UnsupportedCredential", FailureKind.InvalidArgument, "Credential kind '" + options.Kind + "' is not supported."),
        };
    }

    private static TOptions Configure<TOptions>(TOptions credentialOptions, CloudEnvironment environment, Azure.Core.Pipeline.HttpPipelineTransport? transport)
        where TOptions : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = environment.AuthorityHost;
        if (transport is not null)
        {
            credentialOptions.Transport = transport;
        }

        // A custom environment (private cloud, test double) has no instance-discovery endpoint to ask.
        if (credentialOptions is ClientSecretCredentialOptions secretOptions)
        {
            secretOptions.DisableInstanceDiscovery = environment.Name == CloudEnvironment.CustomName;
        }

        return credentialOptions;
    }

    private static string Require(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new EntraStrongAuthException("MissingConnectionParameter", FailureKind.InvalidArgument, "-" + parameter + " is required for this kind of sign-in.", "Pass -" + parameter + ".")
            : value!;

    private static string Reveal(SecureString? secret, string parameter)
    {
        // The plain text lives only as long as the credential object needs it; it is never logged.
        var plain = secret is null ? null : new NetworkCredential(string.Empty, secret).Password;
        return string.IsNullOrEmpty(plain)
            ? throw new EntraStrongAuthException("MissingConnectionParameter", FailureKind.InvalidArgument, "-" + parameter + " is empty.", "Pass a non-empty -" + parameter + ".")
            : plain!;
    }
}
