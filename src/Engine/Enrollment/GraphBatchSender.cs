using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Sends GET requests packed into JSON batches (<c>POST {graph}/v1.0/$batch</c>, at most 20 per batch). Graph throttles
/// every inner request on its own, so each costs one limiter turn and a batch never carries more requests than the
/// limiter lets start in one window. Inner 429/503/504 answers are asked for again (only those) after the largest
/// inner Retry-After, which pauses the whole limiter, until <see cref="RetrievalOptions.MaxAttempts"/>; other answers
/// are final and handed back as they are.
/// </summary>
internal sealed class GraphBatchSender
{
    public const int MaxBatchSize = 20;

    private readonly GraphReadContext _context;
    private readonly RetrievalEvents _events;
    private readonly GraphPost _post;

    public GraphBatchSender(GraphReadContext context, RetrievalEvents events, string requiredPermission)
    {
        _context = context;
        _events = events;
        _post = new GraphPost(context, events, requiredPermission);
    }

    /// <summary>POSTs made (batches sent, retries included).</summary>
    public int Posts => _post.Posts;

    /// <summary>Inner requests sent (retries included).</summary>
    public int InnerRequests => _post.Turns;

    /// <summary>The answer to each of <paramref name="relativeUrls"/> (relative to v1.0, e.g. <c>/users/{id}</c>), in the same order.</summary>
    public async Task<IReadOnlyList<BatchAnswer>> SendAsync(IReadOnlyList<string> relativeUrls, CancellationToken cancellationToken)
    {
        var answers = new BatchAnswer?[relativeUrls.Count];
        var attempts = new int[relativeUrls.Count];
        var pending = Enumerable.Range(0, relativeUrls.Count).ToList();
        // A batch's requests reach Graph at the same instant: more of them than the limiter allows per window would
        // be refused (429) however long the client waited before sending the POST.
        var size = Math.Min(MaxBatchSize, _context.Limiter.MaxRequests);
        while (pending.Count > 0)
        {
            var retry = new List<int>();
            var paused = false;
            for (var start = 0; start < pending.Count; start += size)
            {
                var chunk = pending.Skip(start).Take(size).ToList();
                var (statuses, retryAfter) = await SendBatchAsync(chunk, relativeUrls, answers, cancellationToken).ConfigureAwait(false);
                foreach (var index in chunk.Where(i => BatchAnswer.IsRetryable(statuses[i])))
                {
                    attempts[index]++;
                    if (attempts[index] < _context.Options.MaxAttempts)
                    {
                        answers[index] = null;
                        retry.Add(index);
                    }
                }

                // A 429 without Retry-After waits one throttle window, as a direct request does.
                var pause = retryAfter ?? (chunk.Any(i => statuses[i] == 429) ? _context.Options.DefaultRetryAfter : (TimeSpan?)null);
                if (pause is { } wait)
                {
                    // The largest inner Retry-After holds every request of the connection, as a direct 429 does.
                    _context.Limiter.PauseUntil(_context.Clock.UtcNow + wait);
                    paused = true;
                    await _events.VerboseAsync("Throttled inside a batch; every request waits " + GraphPost.Seconds(wait) + " (Retry-After).").ConfigureAwait(false);
                }
            }

            if (retry.Count > 0)
            {
                await _events.VerboseAsync("Asking again for " + retry.Count.ToString(CultureInfo.InvariantCulture) + " throttled or unavailable batch requests.").ConfigureAwait(false);
                if (!paused)
                {
                    // 503/504 without Retry-After: back off as for a failed page.
                    await _context.Clock.Delay(_context.Options.Backoff(retry.Max(i => attempts[i])), cancellationToken).ConfigureAwait(false);
                }
            }

            pending = retry;
        }

        return answers.Select(a => a!).ToList();
    }

    /// <summary>One POST (repeated while the envelope itself fails transiently); fills <paramref name="answers"/> for the chunk.</summary>
    private async Task<(Dictionary<int, int> Statuses, TimeSpan? RetryAfter)> SendBatchAsync(List<int> chunk, IReadOnlyList<string> urls, BatchAnswer?[] answers, CancellationToken cancellationToken)
    {
        (Dictionary<int, int> Statuses, TimeSpan? RetryAfter)? read = null;

        // One turn per inner request: Graph counts each of them against its limits, not the envelope.
        await _post.SendAsync(_context.Url("v1.0/$batch"), Envelope(chunk, urls), chunk.Count, "a batch request",
            " (" + chunk.Count.ToString(CultureInfo.InvariantCulture) + " requests)", bytes => (read = TryReadResponses(bytes, chunk, answers)) is not null, cancellationToken).ConfigureAwait(false);
        return read!.Value;
    }

    private static string Envelope(List<int> chunk, IReadOnlyList<string> urls)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            foreach (var index in chunk)
            {
                writer.WriteStartObject();
                writer.WriteString("id", index.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("method", "GET");
                writer.WriteString("url", urls[index]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Null when the body is not a batch answer for every request of the chunk (truncated or foreign): the POST is retried.
    private static (Dictionary<int, int> Statuses, TimeSpan? RetryAfter)? TryReadResponses(byte[] bytes, List<int> chunk, BatchAnswer?[] answers)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (!document.RootElement.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var statuses = new Dictionary<int, int>();
            var read = new Dictionary<int, BatchAnswer>();
            TimeSpan? retryAfter = null;
            foreach (var response in responses.EnumerateArray())
            {
                if (!int.TryParse(response.GetProperty("id").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || !chunk.Contains(index))
                {
                    return null;
                }

                var status = response.GetProperty("status").GetInt32();
                statuses[index] = status;
                read[index] = new BatchAnswer(status, response.TryGetProperty("body", out var body) ? body.Clone() : default);
                if (BatchAnswer.IsRetryable(status) && InnerRetryAfter(response) is { } pause && (retryAfter is null || pause > retryAfter))
                {
                    retryAfter = pause;
                }
            }

            if (statuses.Count != chunk.Count)
            {
                return null;
            }

            foreach (var pair in read)
            {
                answers[pair.Key] = pair.Value;
            }

            return (statuses, retryAfter);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    private static TimeSpan? InnerRetryAfter(JsonElement response)
    {
        if (response.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (string.Equals(header.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))
                {
                    return RetryAfterHeader.Seconds(header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString() : header.Value.GetRawText());
                }
            }
        }

        return null;
    }

}
