using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// One JSON POST to Graph under the rules every read follows: it takes its turns of the connection's limiter, a 429
/// pauses the limiter for its Retry-After, a 5xx, 408 or dropped connection is tried again with backoff up to
/// <see cref="RetrievalOptions.MaxAttempts"/>, and any other error is translated naming the permission the caller needs.
/// $batch and getByIds both send through it, so the retry rules live in one place.
/// </summary>
internal sealed class GraphPost
{
    private readonly GraphReadContext _context;
    private readonly RetrievalEvents _events;
    private readonly string _requiredPermission;

    public GraphPost(GraphReadContext context, RetrievalEvents events, string requiredPermission)
    {
        _context = context;
        _events = events;
        _requiredPermission = requiredPermission;
    }

    /// <summary>POSTs sent, retries included.</summary>
    public int Posts { get; private set; }

    /// <summary>Limiter turns taken, retries included.</summary>
    public int Turns { get; private set; }

    /// <summary>
    /// The body of the first successful answer that <paramref name="accept"/> takes; an answer it refuses counts as
    /// incomplete and is asked for again like a 5xx. <paramref name="what"/> names the request in messages
    /// ("a batch request"); <paramref name="turns"/> is how many limiter turns one attempt costs (Graph counts each
    /// request inside a batch).
    /// </summary>
    public async Task<byte[]> SendAsync(Uri url, string body, int turns, string what, string? detail, Func<byte[], bool> accept, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            for (var turn = 0; turn < turns; turn++)
            {
                await _context.Limiter.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            }

            Posts++;
            Turns += turns;
            await _events.VerboseAsync("POST " + url.AbsoluteUri + detail).ConfigureAwait(false);
            string transient;
            TimeSpan? wait = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await _context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode && accept(bytes))
                {
                    return bytes;
                }

                if (status == 429)
                {
                    _context.Limiter.PauseUntil(_context.Clock.UtcNow + (RetryAfterHeader.From(response) ?? _context.Options.DefaultRetryAfter));
                    continue;
                }

                if (status < 500 && status != 408 && !response.IsSuccessStatusCode)
                {
                    var error = GraphErrorBody.Parse(bytes);
                    throw GraphErrorTranslator.Translate(status, error.Code, error.Message, _requiredPermission);
                }

                transient = response.IsSuccessStatusCode ? "the response was incomplete" : "Graph answered " + status.ToString(CultureInfo.InvariantCulture);
                wait = RetryAfterHeader.From(response);
            }
            catch (Exception ex) when (GraphPageFetcher.IsDroppedConnection(ex, cancellationToken))
            {
                transient = "the connection failed (" + ex.GetBaseException().Message + ")";
            }

            failures++;
            if (failures >= _context.Options.MaxAttempts)
            {
                throw new EntraStrongAuthException(ErrorIds.GraphUnavailable, FailureKind.ResourceUnavailable,
                    "Microsoft Graph kept failing " + what + ": " + transient + " (" + failures.ToString(CultureInfo.InvariantCulture) + " attempts).", "Try again later.");
            }

            var delay = wait ?? _context.Options.Backoff(failures);
            await _events.VerboseAsync("Retrying " + what + " in " + Seconds(delay) + ": " + transient + ".").ConfigureAwait(false);
            await _context.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
