using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>A token the caller brought (<c>-AccessToken</c>). It cannot be refreshed, so its expiry is unknown to us.</summary>
internal sealed class StaticAccessTokenCredential : TokenCredential
{
    private readonly AccessToken _token;

    public StaticAccessTokenCredential(string token)
    {
        // Expiry is not known without parsing the JWT; Graph will answer 401 when it has expired.
        _token = new AccessToken(token, DateTimeOffset.MaxValue);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token);
}
