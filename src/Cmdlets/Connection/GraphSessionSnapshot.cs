using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Connection;

namespace EntraStrongAuth.Cmdlets.Connection;

/// <summary>
/// What Get-MgContext says about a connected Microsoft Graph PowerShell session: tenant, account or app, consented
/// scopes, cloud. Holds no token: the token is asked of the session when a request needs one.
/// </summary>
internal sealed class GraphSessionSnapshot
{
    /// <summary>How Get-EntraStrongAuthContext names where such a connection came from (its Source).</summary>
    public const string SourceName = "Connect-MgGraph";

    public GraphSessionSnapshot(string? tenantId, string? account, string? clientId, IReadOnlyList<string> scopes, string authType, CloudEnvironment environment)
    {
        TenantId = tenantId;
        Account = account;
        ClientId = clientId;
        Scopes = scopes;
        AuthType = authType;
        Environment = environment;
    }

    public string? TenantId { get; }

    /// <summary>The signed-in user (delegated sessions); null for app-only ones.</summary>
    public string? Account { get; }

    public string? ClientId { get; }

    /// <summary>Delegated scopes consented to, or the app's roles for app-only sessions.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Get-MgContext's AuthType: Delegated or AppOnly.</summary>
    public string AuthType { get; }

    public CloudEnvironment Environment { get; }

    /// <summary>Who the session is, as the commands' verbose output says it.</summary>
    public string Describe() =>
        (Account ?? "app " + (ClientId ?? "(unknown)")) + " in tenant " + (TenantId ?? "(unknown)") + " (" + Environment.Name + ")";

    /// <summary>The options of a connection that asks this session for its token through <paramref name="tokenSource"/>.</summary>
    public ConnectionOptions ToOptions(Func<CancellationToken, Task<string>> tokenSource) =>
        new(CredentialKind.GraphSession, Environment)
        {
            TenantId = TenantId,
            ClientId = ClientId,
            Scopes = Scopes,
            SessionTokenSource = tokenSource,
            Source = SourceName,
            KnownIdentity = new TokenIdentity(TenantId, Account, ClientId, Scopes, expiresOn: null),
        };

    /// <summary>
    /// True when <paramref name="context"/> is a connection made from this same session (tenant, account, app,
    /// cloud): after Disconnect-MgGraph or a Connect-MgGraph as someone else, the adopted connection is stale.
    /// </summary>
    public bool Describes(EntraStrongAuthContext context) =>
        context.FromGraphSession
        && string.Equals(context.TenantId, TenantId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(context.Account, Account, StringComparison.OrdinalIgnoreCase)
        && string.Equals(context.ClientId, ClientId, StringComparison.OrdinalIgnoreCase)
        && context.GraphEndpoint == Environment.GraphEndpoint;
}
