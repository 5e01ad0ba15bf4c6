using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Bench;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.EnrollmentBaseline;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

// Baseline (a) of bench/MfaEnrollment.bench.ps1: "which of these users cannot satisfy the MFA strength?" answered the
// way admins script it today, `foreach ($u in $users) { Get-MgUserAuthenticationMethod -UserId $u }`: one
// GET users/{id}/authentication/methods per user through the Microsoft Graph SDK, sequential (or with --concurrency K,
// as ForEach-Object -Parallel -ThrottleLimit K would). The ids come from a file, free: a real script pays for
// Get-MgUser -All first. Each user's verdict is the best that data allows: the module's own StrengthEvaluator (src/Core)
// with the strength's built-in definition and the methods policy read once and resolved per user (group targets
// through transitiveMembers), so this and Test-MfaEnrollment are judged by the same rules and differ only in how
// they retrieve. The retry handler is the SDK's policy on the simulator's scaled clock (bench/Shared).
//
// usage: EnrollmentBaseline --graph http://127.0.0.1:PORT/ --users users.csv (userId,userType) --out verdicts.csv
//                           [--time-scale 0.01] [--token t] [--concurrency 1] [--strength 00000000-0000-0000-0000-000000000002]
// Prints one line: users= answered= capable= errors= retries= seconds= peakBytes=  (requests: the simulator's /_sim/stats)
var arguments = BenchGraphClient.Arguments(args);
var graph = new Uri(arguments["graph"].TrimEnd('/') + "/");
double timeScale = double.Parse(arguments.GetValueOrDefault("time-scale", "1"), CultureInfo.InvariantCulture);
int concurrency = int.Parse(arguments.GetValueOrDefault("concurrency", "1"), CultureInfo.InvariantCulture);
var strength = StrengthData.BuiltIn.FindStrength(arguments.GetValueOrDefault("strength", AuthenticationStrength.MultifactorId))
    ?? throw new ArgumentException("Unknown built-in strength.");
var users = File.ReadLines(arguments["users"]).Skip(1).Select(line => line.Split(','))
    .Select(f => (Id: f[0], IsGuest: f.Length > 1 && f[1].Equals("guest", StringComparison.OrdinalIgnoreCase))).ToList();

var client = BenchGraphClient.Create(graph, "v1.0", arguments.GetValueOrDefault("token", "bench-enrollment-baseline"), timeScale, out var retry, out var http);
using var _ = http;

var watch = Stopwatch.StartNew();
var policy = await MethodsPolicyResolver.ReadAsync(client).ConfigureAwait(false);
var verdicts = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
var errors = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

async ValueTask JudgeAsync((string Id, bool IsGuest) user, CancellationToken cancellationToken)
{
    try
    {
        var response = await client.Users[user.Id].Authentication.Methods.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var methods = (response?.Value ?? []).Select(MethodMapping.ToRegistered).ToList();
        var evaluation = StrengthEvaluator.Evaluate(strength, methods, policy.For(user.Id), new StrengthUser { IsGuest = user.IsGuest }, StrengthData.BuiltIn);
        verdicts[user.Id] = evaluation.IsSatisfiable;
    }
    catch (ApiException e)
    {
        // What the admin's script gets: an error for this user (after the SDK's retries), and it goes on to the next.
        errors[user.Id] = e.ResponseStatusCode.ToString(CultureInfo.InvariantCulture);
    }
}

if (concurrency <= 1)
{
    foreach (var user in users)
    {
        await JudgeAsync(user, CancellationToken.None).ConfigureAwait(false);
    }
}
else
{
    await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, JudgeAsync).ConfigureAwait(false);
}

var elapsed = watch.Elapsed;
long peak = BenchGraphClient.PeakWorkingSet();

using (var writer = new StreamWriter(arguments["out"]))
{
    writer.WriteLine("userId,capable");
    foreach (var user in users.Where(u => verdicts.ContainsKey(u.Id)))
    {
        writer.WriteLine(user.Id + "," + (verdicts[user.Id] ? "true" : "false"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"users={users.Count} answered={verdicts.Count} capable={verdicts.Values.Count(v => v)} errors={errors.Count} retries={retry.Retries} seconds={elapsed.TotalSeconds:0.###} peakBytes={peak} policyGroups={policy.GroupCount}"));
return 0;
