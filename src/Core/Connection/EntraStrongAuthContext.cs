using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Connection;

/// <summary>What Get-EntraStrongAuthContext shows about the current connection. Holds no token or secret.</summary>
public sealed class EntraStrongAuthContext
{
    public EntraStrongAuthContext(CredentialKind authType, CloudEnvironment environment, string? tenantId, string? tenantDisplayName, string? clientId, IReadOnlyList<string> scopes, DateTimeOffset connectedAt)
    {
        AuthType = authType;
        EnvironmentDetails = environment;
        TenantId = tenantId;
        TenantDisplayName = tenantDisplayName;
        ClientId = clientId;
        Scopes = scopes;
        ConnectedAt = connectedAt;
    }

    public string? TenantId { get; }

    public string? TenantDisplayName { get; }

    public string? ClientId { get; }

    public CredentialKind AuthType { get; }

    public string Environment => EnvironmentDetails.Name;

    public Uri GraphEndpoint => EnvironmentDetails.GraphEndpoint;

    public Uri AuthorityHost => EnvironmentDetails.AuthorityHost;

    public IReadOnlyList<string> Scopes { get; }

    public DateTimeOffset ConnectedAt { get; }

    internal CloudEnvironment EnvironmentDetails { get; }
}
