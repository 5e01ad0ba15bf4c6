using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.GraphHttp;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Reads sign-ins from Graph's beta signIns endpoint: the time range is cut into slices per event type, read by a
/// few workers under the connection's shared limiter; a worker that runs out of slices takes the older half of a
/// busy one, but only while the slices already running cannot keep the limiter busy (each split costs a request).
/// Records are handed over page by page, one page at a time, as soon as each page is complete.
/// </summary>
public sealed class SignInRetriever
{
    private readonly GraphReadContext _graph;
    private readonly Uri _signInsEndpoint;

    public SignInRetriever(GraphConnection connection, RetrievalOptions? options = null)
        : this(
            (connection ?? throw new ArgumentNullException(nameof(connection))).RawHttp,
            connection.Context.GraphEndpoint,
            connection.Limiter,
            options ?? new RetrievalOptions(),
            SystemRetrievalClock.Instance)
    {
    }

    internal SignInRetriever(HttpClient http, Uri graphEndpoint, RequestRateLimiter limiter, RetrievalOptions options, IRetrievalClock clock)
    {
        _graph = new GraphReadContext(http, graphEndpoint, limiter, options, clock);
        _signInsEndpoint = _graph.Url("beta/auditLogs/signIns");
    }

    /// <summary>
    /// Delivers every matching sign-in exactly once to <paramref name="onRecord"/> (never concurrently), and records
    /// the reader could not map to <paramref name="onProblem"/>. Ends when the range is read, <c>First</c> is
    /// reached, or <paramref name="cancellationToken"/> fires (then everything already delivered stays delivered).
    /// </summary>
    public async Task<RetrievalProgress> RunAsync(
        SignInQuery query,
        Func<SignInEvent, Task> onRecord,
        Func<SignInReadProblem, Task> onProblem,
        RetrievalEvents events,
        CancellationToken cancellationToken) =>
        await RunAsync(query, onRecord, onProblem, events, resume: null, pageSink: null, cancellationToken).ConfigureAwait(false);

    /// <summary>As above; <paramref name="resume"/> continues an interrupted run, <paramref name="pageSink"/> sees each stored page.</summary>
    internal async Task<RetrievalProgress> RunAsync(
        SignInQuery query,
        Func<SignInEvent, Task> onRecord,
        Func<SignInReadProblem, Task> onProblem,
        RetrievalEvents events,
        RetrievalCheckpoint? resume,
        IRetrievalPageSink? pageSink,
        CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        using var run = new RetrievalRun(_graph, _signInsEndpoint, query, onRecord, onProblem, events ?? new RetrievalEvents(), pageSink, cancellationToken);
        return await run.ExecuteAsync(resume).ConfigureAwait(false);
    }
}
