using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Connection;

/// <summary>What Get-EntraStrongAuthContext shows about the current connection. Holds no token or secret.</summary>
public sealed class EntraStrongAuthContext
{
    public EntraStrongAuthContext(ConnectionOptions options, string? tenantId, string? tenantDisplayName, TokenIdentity? identity, IReadOnlyList<string> requestedScopes, DateTimeOffset connectedAt)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        AuthTypeKind = options.Kind;
        Source = options.Source;
        EnvironmentDetails = options.Environment;
        TenantId = tenantId;
        TenantDisplayName = tenantDisplayName;
        ClientId = options.ClientId ?? identity?.AppId;
        Account = identity?.Account;
        RequestedScopes = requestedScopes;

        // What the token actually grants is what matters when a request is denied; fall back to what was asked.
        Scopes = identity is { Permissions.Count: > 0 } ? identity.Permissions : requestedScopes;
        MissingScopes = ReferenceEquals(Scopes, RequestedScopes) && options.Kind != CredentialKind.GraphSession
            ? Array.Empty<string>()
            : ModulePermissions.MissingFrom(Scopes);
        ConnectedAt = connectedAt;
    }

    public string? TenantId { get; }

    public string? TenantDisplayName { get; }

    public string? ClientId { get; }

    /// <summary>The signed-in user for delegated sign-ins; null for app-only ones.</summary>
    public string? Account { get; }

    public string AuthType => AuthTypeKind.ToString();

    internal CredentialKind AuthTypeKind { get; }

    /// <summary>Where the credential came from when not from parameters, e.g. "EnvironmentVariables" or "Connect-MgGraph".</summary>
    public string? Source { get; }

    public string Environment => EnvironmentDetails.Name;

    public Uri GraphEndpoint => EnvironmentDetails.GraphEndpoint;

    public Uri AuthorityHost => EnvironmentDetails.AuthorityHost;

    /// <summary>The permissions the token grants (delegated scopes or application roles), when the token says.</summary>
    public IReadOnlyList<string> Scopes { get; }

    public IReadOnlyList<string> RequestedScopes { get; }

    /// <summary>
    /// The module's permissions (<see cref="ModulePermissions"/>) that <see cref="Scopes"/> lacks, so the commands that
    /// read with them will be denied; empty when all are there or when what the token grants is unknown.
    /// </summary>
    public IReadOnlyList<string> MissingScopes { get; }

    /// <summary>True when the connection is a Microsoft Graph PowerShell session's (Connect-MgGraph), used through its token.</summary>
    public bool FromGraphSession => AuthTypeKind == CredentialKind.GraphSession;

    public DateTimeOffset ConnectedAt { get; }

    internal CloudEnvironment EnvironmentDetails { get; }

    /// <summary>True when the token's permissions are known and include <paramref name="permission"/>.</summary>
    public bool? HasPermission(string permission)
    {
        if (ReferenceEquals(Scopes, RequestedScopes))
        {
            return null;
        }

        foreach (var granted in Scopes)
        {
            if (string.Equals(granted, permission, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
