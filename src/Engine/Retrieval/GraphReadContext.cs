using System;
using System.Net.Http;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.GraphHttp;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// What every Graph reader needs from a connection, gathered once: the raw HTTP pipeline, the Graph endpoint, the
/// connection's shared limiter, the retry options and the clock. Tests build one over a fake handler and clock.
/// </summary>
internal sealed class GraphReadContext
{
    public GraphReadContext(HttpClient http, Uri graphEndpoint, RequestRateLimiter limiter, RetrievalOptions options, IRetrievalClock clock)
    {
        Http = http ?? throw new ArgumentNullException(nameof(http));
        GraphEndpoint = graphEndpoint ?? throw new ArgumentNullException(nameof(graphEndpoint));
        Limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public HttpClient Http { get; }

    /// <summary>The cloud's Graph root (<c>https://graph.microsoft.com/</c>); paths below it start with v1.0/ or beta/.</summary>
    public Uri GraphEndpoint { get; }

    public RequestRateLimiter Limiter { get; }

    public RetrievalOptions Options { get; }

    public IRetrievalClock Clock { get; }

    public static GraphReadContext From(GraphConnection connection, RetrievalOptions? options)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        return new GraphReadContext(connection.RawHttp, connection.Context.GraphEndpoint, connection.Limiter, options ?? new RetrievalOptions(), SystemRetrievalClock.Instance);
    }

    public Uri Url(string relative) => new(GraphEndpoint, relative);
}
