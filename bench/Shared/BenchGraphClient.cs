using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace EntraStrongAuth.Bench;

/// <summary>
/// What the Graph SDK baselines (GraphSdkBaseline, EnrollmentBaseline) share: their command line and a
/// GraphServiceClient against the simulator with the SDK's default middleware, except that the retry handler runs
/// on the simulator's scaled clock (see <see cref="ScaledRetryHandler"/>). Compiled into each baseline (a linked
/// source file, not a library) so each stays one small console project.
/// </summary>
internal static class BenchGraphClient
{
    /// <summary>--name value pairs; a trailing --name without a value reads as "".</summary>
    public static Dictionary<string, string> Arguments(string[] args) =>
        args.Select((value, index) => (value, index)).Where(p => p.value.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p.value[2..], p => p.index + 1 < args.Length ? args[p.index + 1] : "", StringComparer.Ordinal);

    /// <summary>A client for {graph}/{version} sending <paramref name="token"/>; <paramref name="retry"/> counts its retries.</summary>
    public static GraphServiceClient Create(Uri graph, string version, string token, double timeScale, out ScaledRetryHandler retry, out HttpClient http)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        retry = new ScaledRetryHandler(timeScale);
        handlers[handlers.IndexOf(handlers.First(h => h is RetryHandler))] = retry;
        http = GraphClientFactory.Create(handlers);
        return new GraphServiceClient(http, new StaticTokenProvider(token), new Uri(graph, version).ToString());
    }

    /// <summary>The peak resident memory of this process so far.</summary>
    public static long PeakWorkingSet()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}

/// <summary>Sends the same opaque bearer token on every request (the simulator accepts any; https is not required).</summary>
internal sealed class StaticTokenProvider(string token) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        request.Headers.Add("Authorization", "Bearer " + token);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Kiota's RetryHandler policy with its defaults (as Graph PowerShell's Set-MgRequestContext: MaxRetry 3, RetryDelay 3 s):
/// retry 429, 503 and 504 up to 3 times, waiting Retry-After when present (delta-seconds or HTTP date), else
/// 2^attempt × 3 s, capped at 180 s. The one difference: durations run on the simulator's scaled clock. Kiota parses
/// Retry-After with int.TryParse, so it cannot honour the fractional values a time-scaled simulator must send
/// (0.1 × "2 s" = "0.2"); it would fall back to 3 s, a penalty real Graph never imposes.
/// </summary>
internal sealed class ScaledRetryHandler(double timeScale) : DelegatingHandler
{
    private const int MaxRetry = 3;
    private const double DelaySeconds = 3;
    private const double MaxDelaySeconds = 180;
    private int retries;

    /// <summary>Retries sent so far (thread-safe: a parallel baseline shares one handler).</summary>
    public int Retries => Volatile.Read(ref retries);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (int attempt = 1; attempt <= MaxRetry && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout; attempt++)
        {
            double seconds = Math.Pow(2, attempt) * DelaySeconds * timeScale;
            if (response.Headers.TryGetValues("Retry-After", out var values) && values.FirstOrDefault() is { } retryAfter)
            {
                if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out double delta))
                {
                    seconds = delta;
                }
                else if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    seconds = Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, MaxDelaySeconds * timeScale)), cancellationToken).ConfigureAwait(false);
            response.Dispose();
            Interlocked.Increment(ref retries);
            request.Headers.Remove("Retry-Attempt");
            request.Headers.Add("Retry-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
