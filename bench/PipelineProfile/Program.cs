using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.SignIns;

// Usage: PipelineProfile <file> [passes] — per pass, seconds (wall and CPU) for: reading every record whole
// (Import-SignInLog), reading as Get-StrongAuthFailure does (only the failures it classifies whole), that read with
// the analysis, and that read with the analysis behind the de-duplication by sign-in id (as the commands run it).
// The first pass includes the JIT, as in a fresh pwsh.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PipelineProfile <file> [passes]");
    return 2;
}

var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var codes = new StrongAuthAnalyzer().ErrorCodes;
for (var pass = 1; pass <= passes; pass++)
{
    // Default options, as Get-StrongAuthFailure: the analyzer detects the input order from the first sign-ins.
    var analyzed = Time(() => Read(args[0], codes, new StrongAuthAnalyzer()));
    var deduplicated = Time(() => Read(args[0], codes, new StrongAuthAnalyzer(), new SignInOnce()));
    var lean = Time(() => Read(args[0], codes, null));
    var whole = Time(() => Read(args[0], null, null));
    Console.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        "pass {0}: read+analyze {1} ({2} failures), read+dedupe+analyze {9} ({10} failures), lean read {3}, whole read {4} ({5} sign-ins); GCs so far {6}/{7}/{8}",
        pass,
        analyzed.Text,
        analyzed.Found,
        lean.Text,
        whole.Text,
        whole.Count,
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        deduplicated.Text,
        deduplicated.Found));
}

return 0;

static (string Text, long Count, long Found) Time(Func<(long, long)> run)
{
    // CPU time as well as wall time: the benchmark machine is shared, and CPU time is less disturbed by other work.
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var (count, found) = run();
    var wall = clock.Elapsed.TotalSeconds;
    process.Refresh();
    return (string.Format(CultureInfo.InvariantCulture, "{0:F2} s ({1:F2} s CPU)", wall, (process.TotalProcessorTime - cpu).TotalSeconds), count, found);
}

static (long SignIns, long Failures) Read(string path, IEnumerable<int>? wholeRecordCodes, StrongAuthAnalyzer? analyzer, SignInOnce? once = null)
{
    long signIns = 0, failures = 0;
    foreach (var item in SignInLogReader.ReadFile(path, SignInLogFormat.Auto, wholeRecordCodes, CancellationToken.None))
    {
        if (item.SignIn is { } signIn)
        {
            signIns++;
            if (once is not null && !once.IsFirst(signIn))
            {
                continue;
            }

            if (analyzer is not null)
            {
                failures += analyzer.Observe(signIn).Count;
            }
        }
    }

    if (analyzer is not null)
    {
        failures += analyzer.Complete().Count;
        Console.Write("order " + analyzer.InputOrder + "; ");
    }

    return (signIns, failures);
}
