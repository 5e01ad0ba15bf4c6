using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// The token of a Microsoft Graph PowerShell session (Connect-MgGraph). The session renews its own token (its MSAL
/// cache refreshes a token about five minutes before it expires), so this credential keeps the one it was given until
/// that margin and then asks the session again. A token that is already expired when the session hands it over (a
/// session made with Connect-MgGraph -AccessToken is never renewed) is refused with GraphSessionTokenExpired, naming
/// when it expired, rather than sent to Graph to be answered 401. The token itself is never part of a message.
/// </summary>
internal sealed class GraphSessionCredential : TokenCredential
{
    /// <summary>Ask again this long before expiry: the margin MSAL renews at, so the session hands over a fresh token.</summary>
    internal static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, Task<string>> _acquire;
    private readonly Func<DateTimeOffset> _now;
    private readonly object _gate = new();
    private AccessToken? _held;
    private Task<AccessToken>? _renewal;

    public GraphSessionCredential(Func<CancellationToken, Task<string>> acquire, Func<DateTimeOffset>? now = null)
    {
        _acquire = acquire ?? throw new ArgumentNullException(nameof(acquire));
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>How many tokens were asked of the session (tests: no second sign-in, renewal near expiry).</summary>
    internal int Acquisitions { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Task<AccessToken> renewal;
        lock (_gate)
        {
            if (_held is { } held && held.ExpiresOn - RenewalMargin > _now())
            {
                return held;
            }

            // Requests that find the token stale together share one renewal: the session is asked once.
            renewal = _renewal ??= RenewAsync(cancellationToken);
        }

        try
        {
            return await renewal.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_renewal, renewal) && renewal.IsCompleted)
                {
                    _renewal = null;
                }
            }
        }
    }

    private async Task<AccessToken> RenewAsync(CancellationToken cancellationToken)
    {
        var token = await _acquire(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Acquisitions++;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new EntraStrongAuthException(
                ErrorIds.GraphSessionTokenUnavailable,
                FailureKind.AuthenticationError,
                "The Microsoft Graph PowerShell session gave no access token.",
                "Run Connect-MgGraph again, or connect with Connect-EntraStrongAuth.");
        }

        // A token that is not a JWT has no expiry we can read: keep it for the margin, then ask again.
        var expiresOn = TokenIdentityReader.TryRead(token)?.ExpiresOn ?? _now() + RenewalMargin + RenewalMargin;
        if (expiresOn <= _now())
        {
            throw new EntraStrongAuthException(
                ErrorIds.GraphSessionTokenExpired,
                FailureKind.AuthenticationError,
                "The Microsoft Graph PowerShell session's access token expired at "
                    + expiresOn.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    + " UTC, and the session did not renew it (a session made with Connect-MgGraph -AccessToken never does).",
                "Run Connect-MgGraph again (or with a new -AccessToken), or connect with Connect-EntraStrongAuth.");
        }

        var fresh = new AccessToken(token, expiresOn);
        lock (_gate)
        {
            _held = fresh;
        }

        return fresh;
    }
}
