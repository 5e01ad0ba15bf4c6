using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Core.Connection;

/// <summary>Everything needed to sign in; built by Connect-EntraStrongAuth, turned into a credential by the Engine.</summary>
public sealed class ConnectionOptions
{
    public ConnectionOptions(CredentialKind kind, CloudEnvironment environment)
    {
        Kind = kind;
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    public CredentialKind Kind { get; }

    public CloudEnvironment Environment { get; }

    public string? TenantId { get; init; }

    /// <summary>The app registration; for a managed identity, the user-assigned identity's client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret or access token. Kept as a SecureString until the Engine hands it to Azure.Identity.</summary>
    public SecureString? Secret { get; init; }

    public CertificateSource? Certificate { get; init; }

    /// <summary>
    /// With <see cref="CredentialKind.AccessToken"/>: a second token the caller brought for the Log Analytics query
    /// API (a Graph token has the wrong audience). Other kinds ask their credential for that API's scope instead.
    /// </summary>
    public SecureString? LogAnalyticsAccessToken { get; init; }

    /// <summary>The file holding the other issuer's OIDC token (workload identity federation); read at each token request.</summary>
    public string? FederatedTokenFile { get; init; }

    /// <summary>Pre-fills the account in the browser sign-in.</summary>
    public string? LoginHint { get; init; }

    /// <summary>Scopes for delegated flows, short (<c>AuditLog.Read.All</c>) or full URIs. App-only flows use <c>.default</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

    /// <summary>Where the device-code instructions go (the PowerShell host); the message holds no secret.</summary>
    public Func<string, CancellationToken, Task>? DeviceCodePrompt { get; init; }

    /// <summary>
    /// With <see cref="CredentialKind.GraphSession"/>: asks the Graph PowerShell session for its current access token
    /// (the session renews it). The token is handed to the Engine only; it is never shown.
    /// </summary>
    public Func<CancellationToken, Task<string>>? SessionTokenSource { get; init; }

    /// <summary>Who signs in, when the source already says so (a Graph PowerShell session's context); the token's claims win.</summary>
    public TokenIdentity? KnownIdentity { get; init; }

    /// <summary>What the connection says it was made from, when that differs from <see cref="Kind"/> (e.g. environment variables).</summary>
    public string? Source { get; init; }

    /// <summary>True for flows where a user signs in and consents to scopes; false for app-only flows.</summary>
    public bool IsDelegated => Kind is CredentialKind.InteractiveBrowser or CredentialKind.DeviceCode;
}
