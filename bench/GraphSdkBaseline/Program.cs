using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

// Baseline (a) of bench/LiveRetrieval.bench.ps1: what `Get-MgBetaAuditLogSignIn -All -Filter …` does. Sequential
// pages of $top=100 through the Microsoft Graph SDK (GraphServiceClient.AuditLogs.SignIns.GetAsync + PageIterator),
// every record materialized as a Kiota SignIn model and kept in a List, then filtered client-side to the strong-auth
// codes ("(a)-then-filter"). Prints one line of key=value results; optionally saves the records as a Graph JSON array.
//
// The SDK is Microsoft.Graph (v1.0 models) pointed at {graph}/beta: the request goes to the beta endpoint like
// Get-MgBeta*, beta-only properties land in each model's AdditionalData (still materialized). The default middleware
// pipeline is kept except the retry handler, replaced by the same policy on a scaled clock (see ScaledRetryHandler).
//
// usage: GraphSdkBaseline --graph http://127.0.0.1:PORT/ --start ISO --end ISO --codes 50074,50076,... --time-scale 0.1
//                         [--token t] [--out records.json]
var arguments = args.Select((value, index) => (value, index)).Where(p => p.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.value[2..], p => p.index + 1 < args.Length ? args[p.index + 1] : "", StringComparer.Ordinal);
var graph = new Uri(arguments["graph"].TrimEnd('/') + "/");
var start = DateTimeOffset.Parse(arguments["start"], CultureInfo.InvariantCulture);
var end = DateTimeOffset.Parse(arguments["end"], CultureInfo.InvariantCulture);
var codes = arguments["codes"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToHashSet();
var timeScale = double.Parse(arguments.GetValueOrDefault("time-scale", "1"), CultureInfo.InvariantCulture);
var token = arguments.GetValueOrDefault("token", "bench-baseline");

var handlers = GraphClientFactory.CreateDefaultHandlers();
var retry = handlers.IndexOf(handlers.First(h => h is RetryHandler));
var scaledRetry = new ScaledRetryHandler(timeScale);
handlers[retry] = scaledRetry;
using var http = GraphClientFactory.Create(handlers);
var client = new GraphServiceClient(http, new StaticTokenProvider(token), new Uri(graph, "beta").ToString());

// The same range and kinds the module reads by default, in one -Filter as an admin would write it.
var filter = string.Create(CultureInfo.InvariantCulture,
    $"createdDateTime ge {start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} and createdDateTime lt {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} and (signInEventTypes/any(t: t eq 'interactiveUser') or signInEventTypes/any(t: t eq 'nonInteractiveUser'))");

var watch = Stopwatch.StartNew();
var all = new List<SignIn>();
var first = await client.AuditLogs.SignIns.GetAsync(request =>
{
    request.QueryParameters.Top = 100;
    request.QueryParameters.Filter = filter;
}).ConfigureAwait(false);
var pages = 1;
var iterator = PageIterator<SignIn, SignInCollectionResponse>.CreatePageIterator(client, first!, signIn =>
{
    all.Add(signIn);
    return true;
}, request =>
{
    pages++;
    return request;
});
await iterator.IterateAsync().ConfigureAwait(false);
var retrieved = watch.Elapsed;
var failures = all.Where(s => s.Status?.ErrorCode is int code && codes.Contains(code)).ToList();
var filtered = watch.Elapsed;
using var process = System.Diagnostics.Process.GetCurrentProcess();
process.Refresh();
var peak = process.PeakWorkingSet64;

if (arguments.GetValueOrDefault("out") is { Length: > 0 } outFile)
{
    // Outside the timing: (a)'s own records as Graph JSON, so Get-StrongAuthFailure -Path can classify them offline.
    using var writer = new StreamWriter(outFile);
    writer.Write('[');
    for (int i = 0; i < all.Count; i++)
    {
        if (i > 0)
        {
            writer.Write(',');
        }

        writer.Write(await KiotaJsonSerializer.SerializeAsStringAsync(all[i], serializeOnlyChangedValues: false).ConfigureAwait(false));
    }

    writer.Write(']');
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"records={all.Count} failures={failures.Count} pages={pages} retries={scaledRetry.Retries} seconds={retrieved.TotalSeconds:0.###} filteredSeconds={filtered.TotalSeconds:0.###} peakBytes={peak}"));
return 0;

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

    public int Retries { get; private set; }

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
            Retries++;
            request.Headers.Remove("Retry-Attempt");
            request.Headers.Add("Retry-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
