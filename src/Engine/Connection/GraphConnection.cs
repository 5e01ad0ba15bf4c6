using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.GraphHttp;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// A signed-in Graph session: the Azure.Identity credential and the Graph SDK client built on it.
/// Only <see cref="Context"/>, a Core type holding no secret, is visible to the Cmdlets layer.
/// The connection is shared by every runspace of the process, so it is never torn down under a running command:
/// commands hold a <see cref="ConnectionLease"/>, and <see cref="Dispose"/> only retires it; its HTTP clients are
/// released when it is retired and the last lease has been returned.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private static readonly string[] OrganizationFields = { "id", "displayName" };
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly HttpClient _httpClient;
    private readonly object _leaseGate = new();
    private int _leases;
    private bool _retired;

    private GraphConnection(GraphServiceClient client, HttpClient httpClient, TokenCredential credential, ConnectionOptions options, IReadOnlyList<string> scopes, EntraStrongAuthContext context)
    {
        Client = client;
        _httpClient = httpClient;
        RawHttp = GraphHttpPipeline.Create(credential, options.Environment, scopes);
        Credential = credential;
        Environment = options.Environment;
        WorkspaceCredential = AzureCredentialFactory.ForWorkspace(options, credential);
        // No client-wide timeout: each query sets its own from the server wait it asks for.
        WorkspaceHttp = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Scopes = scopes;
        Context = context;
    }

    public EntraStrongAuthContext Context { get; }

    internal GraphServiceClient Client { get; }

    /// <summary>The credential the retrieval engine asks for tokens; it never leaves the Engine.</summary>
    internal TokenCredential Credential { get; }

    internal IReadOnlyList<string> Scopes { get; }

    internal CloudEnvironment Environment { get; }

    /// <summary>What Log Analytics queries ask tokens of; null for an -AccessToken connection without -LogAnalyticsAccessToken.</summary>
    internal TokenCredential? WorkspaceCredential { get; }

    /// <summary>The Log Analytics query API's client; its own limiter, since the API's limits are its own (200 queries per 30 s per user).</summary>
    internal HttpClient WorkspaceHttp { get; }

    internal RequestRateLimiter WorkspaceLimiter { get; } = new(200, TimeSpan.FromSeconds(30));

    /// <summary>The Graph SDK pipeline without its retry handler, for bulk reads under <see cref="Limiter"/>.</summary>
    internal HttpClient RawHttp { get; }

    /// <summary>Shared by every request of this connection, whichever command makes it.</summary>
    internal RequestRateLimiter Limiter { get; private set; } = new(5, TimeSpan.FromSeconds(10));

    /// <summary>Replaces the request budget (Connect-EntraStrongAuth -RequestsPerWindow/-ThrottleWindow).</summary>
    public void SetRequestLimit(int requests, TimeSpan window) => Limiter = new RequestRateLimiter(requests, window);

    /// <summary>Builds the credential and client, then proves them with one small Graph call (the tenant's organization).</summary>
    public static Task<GraphConnection> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken) =>
        ConnectAsync(options, transport: null, cancellationToken);

    /// <summary>As <see cref="ConnectAsync(ConnectionOptions, CancellationToken)"/>; <paramref name="transport"/> carries the token requests (tests only).</summary>
    internal static async Task<GraphConnection> ConnectAsync(ConnectionOptions options, Azure.Core.Pipeline.HttpPipelineTransport? transport, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var credential = AzureCredentialFactory.Create(options, transport);
        var scopes = GraphScopes.For(options);
        var (client, httpClient) = CreateClient(credential, options.Environment, scopes);
        try
        {
            var organization = await FetchOrganizationAsync(client, options.Kind, cancellationToken).ConfigureAwait(false);
            var identity = await ReadIdentityAsync(credential, scopes, cancellationToken).ConfigureAwait(false) ?? options.KnownIdentity;
            var context = new EntraStrongAuthContext(
                options,
                organization?.Id ?? identity?.TenantId ?? options.TenantId,
                organization?.DisplayName,
                identity,
                scopes,
                DateTimeOffset.UtcNow);
            return new GraphConnection(client, httpClient, credential, options, scopes, context);
        }
        catch
        {
            httpClient.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A connection on a Microsoft Graph PowerShell session, made without a request: the session is already signed in,
    /// so its context (<see cref="ConnectionOptions.KnownIdentity"/>) says who it is, and its token is first asked for
    /// by the command's first Graph request. Used when a command finds no connection of the module's own.
    /// </summary>
    public static GraphConnection Adopt(ConnectionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Kind != CredentialKind.GraphSession)
        {
            throw new ArgumentException("Only a Graph PowerShell session is adopted without signing in.", nameof(options));
        }

        var credential = AzureCredentialFactory.Create(options);
        var scopes = GraphScopes.For(options);
        var (client, httpClient) = CreateClient(credential, options.Environment, scopes);
        var identity = options.KnownIdentity;
        var context = new EntraStrongAuthContext(options, identity?.TenantId ?? options.TenantId, null, identity, scopes, DateTimeOffset.UtcNow);
        return new GraphConnection(client, httpClient, credential, options, scopes, context);
    }

    /// <summary>True once the HTTP clients are released (retired, and no lease left).</summary>
    internal bool IsReleased { get; private set; }

    /// <summary>
    /// Keeps the connection usable until the lease is disposed, whoever retires it meanwhile; null when it is
    /// already retired (ask the store for the current connection instead).
    /// </summary>
    public ConnectionLease? TryLease()
    {
        lock (_leaseGate)
        {
            if (_retired)
            {
                return null;
            }

            _leases++;
            return new ConnectionLease(this);
        }
    }

    /// <summary>Retires the connection: no new lease is given, and the HTTP clients are released once no lease is held.</summary>
    public void Dispose()
    {
        lock (_leaseGate)
        {
            if (_retired)
            {
                return;
            }

            _retired = true;
            if (_leases > 0)
            {
                return;
            }
        }

        Release();
    }

    internal void ReturnLease()
    {
        lock (_leaseGate)
        {
            _leases--;
            if (!_retired || _leases > 0)
            {
                return;
            }
        }

        Release();
    }

    // Reached once: under the gate exactly one caller sees "retired and no lease left" for the first time.
    private void Release()
    {
        IsReleased = true;
        _httpClient.Dispose();
        RawHttp.Dispose();
        WorkspaceHttp.Dispose();
    }

    /// <summary>The token is already cached by the credential after the organization call (the Graph client asks with CAE on, so must this); only its claims are kept.</summary>
    private static async Task<TokenIdentity?> ReadIdentityAsync(TokenCredential credential, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(scopes.ToArray(), isCaeEnabled: true), cancellationToken).ConfigureAwait(false);
            return TokenIdentityReader.TryRead(token.Token);
        }
        catch (AuthenticationFailedException)
        {
            // The context is informative; the connection itself was already proven by the organization call.
            return null;
        }
    }

    internal static (GraphServiceClient Client, HttpClient HttpClient) CreateClient(TokenCredential credential, CloudEnvironment environment, IReadOnlyList<string> scopes)
    {
        // Tokens go only to this cloud's Graph host, never to a next-link pointing elsewhere.
        var authProvider = new AzureIdentityAuthenticationProvider(
            credential,
            new[] { environment.GraphEndpoint.Host },
            observabilityOptions: null,
            isCaeEnabled: true,
            scopes: scopes.ToArray());
        var baseUrl = new Uri(environment.GraphEndpoint, "v1.0").ToString();
        var httpClient = GraphClientFactory.Create(version: "v1.0", nationalCloud: GraphClientFactory.Global_Cloud);
        httpClient.BaseAddress = new Uri(baseUrl);
        return (new GraphServiceClient(httpClient, authProvider, baseUrl), httpClient);
    }

    private static async Task<Microsoft.Graph.Models.Organization?> FetchOrganizationAsync(GraphServiceClient client, CredentialKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var page = await client.Organization.GetAsync(
                request => request.QueryParameters.Select = OrganizationFields,
                cancellationToken).ConfigureAwait(false);
            return page?.Value?.FirstOrDefault();
        }
        catch (AuthenticationFailedException ex)
        {
            throw new EntraStrongAuthException(
                ErrorIds.AuthenticationFailed,
                FailureKind.AuthenticationError,
                "Sign-in failed: " + FirstLine(ex.Message),
                SignInAdvice.For(kind),
                ex);
        }
        catch (ODataError ex)
        {
            throw GraphErrorTranslator.Translate(ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EntraStrongAuthException(
                ErrorIds.GraphUnreachable,
                FailureKind.ConnectionError,
                "Microsoft Graph could not be reached: " + FirstLine(ex.Message),
                "Check the network path to the Graph endpoint and any proxy settings.",
                ex);
        }
    }

    internal static string FirstLine(string message)
    {
        var end = message.IndexOfAny(LineBreaks);
        return end < 0 ? message : message.Substring(0, end);
    }
}
