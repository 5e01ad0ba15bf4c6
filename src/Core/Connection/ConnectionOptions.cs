using System;
using System.Collections.Generic;
using System.Security;

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

    public string? ClientId { get; init; }

    /// <summary>The client secret or access token. Kept as a SecureString until the Engine hands it to Azure.Identity.</summary>
    public SecureString? Secret { get; init; }

    /// <summary>Scopes for delegated flows. App-only flows always use the cloud's <c>.default</c> scope.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();
}
