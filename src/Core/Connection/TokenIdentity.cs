using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// Who a token speaks for and what it grants, read from its claims (never the token itself): tenant, user or app,
/// and the delegated scopes (<c>scp</c>) or application roles (<c>roles</c>).
/// </summary>
public sealed class TokenIdentity
{
    public TokenIdentity(string? tenantId, string? account, string? appId, IReadOnlyList<string> permissions, DateTimeOffset? expiresOn)
    {
        TenantId = tenantId;
        Account = account;
        AppId = appId;
        Permissions = permissions ?? Array.Empty<string>();
        ExpiresOn = expiresOn;
    }

    public string? TenantId { get; }

    /// <summary>The user principal name for delegated tokens; null for app-only tokens.</summary>
    public string? Account { get; }

    public string? AppId { get; }

    public IReadOnlyList<string> Permissions { get; }

    public DateTimeOffset? ExpiresOn { get; }
}
