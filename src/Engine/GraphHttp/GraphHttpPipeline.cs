using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Azure.Core;
using EntraStrongAuth.Core.Connection;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace EntraStrongAuth.Engine.GraphHttp;

/// <summary>
/// The HttpClient bulk reads go through: the Graph SDK's own middleware (authorization with CAE, compression,
/// redirects, telemetry) without its retry handler, because retries and waits belong to the shared limiter — the
/// SDK's own retries would spend the throttle budget behind the limiter's back.
/// </summary>
internal static class GraphHttpPipeline
{
    public static HttpClient Create(TokenCredential credential, CloudEnvironment environment, IReadOnlyList<string> scopes, HttpMessageHandler? finalHandler = null)
    {
        // Tokens go only to this cloud's Graph host, never to a next-link pointing elsewhere.
        var tokenProvider = new AzureIdentityAccessTokenProvider(credential, new[] { environment.GraphEndpoint.Host }, observabilityOptions: null, isCaeEnabled: true, scopes: scopes.ToArray());
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions()).Where(handler => handler is not RetryHandler).ToList();
        var client = GraphClientFactory.Create(new BaseBearerTokenAuthenticationProvider(tokenProvider), handlers, version: "beta", finalHandler: finalHandler);
        client.BaseAddress = environment.GraphEndpoint;

        // A page of 1000 sign-ins can take tens of seconds; a hung request is still cut off and retried.
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }
}
