using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using EntraStrongAuth.Bench;

// Baseline (a) of bench/LiveRetrieval.bench.ps1: what `Get-MgBetaAuditLogSignIn -All -Filter …` does. Sequential
// pages of $top=100 through the Microsoft Graph SDK (GraphServiceClient.AuditLogs.SignIns.GetAsync + PageIterator),
// every record materialized as a Kiota SignIn model and kept in a List, then filtered client-side to the strong-auth
// codes ("(a)-then-filter"). Prints one line of key=value results; optionally saves the records as a Graph JSON array.
//
// The SDK is Microsoft.Graph (v1.0 models) pointed at {graph}/beta: the request goes to the beta endpoint like
// Get-MgBeta*, beta-only properties land in each model's AdditionalData (still materialized). The default middleware
// pipeline is kept except the retry handler, replaced by the same policy on a scaled clock (bench/Shared/BenchGraphClient.cs).
//
// usage: GraphSdkBaseline --graph http://127.0.0.1:PORT/ --start ISO --end ISO --codes 50074,50076,... --time-scale 0.1
//                         [--token t] [--out records.json]
var arguments = BenchGraphClient.Arguments(args);
var graph = new Uri(arguments["graph"].TrimEnd('/') + "/");
var start = DateTimeOffset.Parse(arguments["start"], CultureInfo.InvariantCulture);
var end = DateTimeOffset.Parse(arguments["end"], CultureInfo.InvariantCulture);
var codes = arguments["codes"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToHashSet();
var timeScale = double.Parse(arguments.GetValueOrDefault("time-scale", "1"), CultureInfo.InvariantCulture);
var token = arguments.GetValueOrDefault("token", "bench-baseline");

var client = BenchGraphClient.Create(graph, "beta", token, timeScale, out var scaledRetry, out var http);
using var _ = http;

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
var peak = BenchGraphClient.PeakWorkingSet();

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
