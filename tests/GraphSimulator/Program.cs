using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;

// CLI mode for Pester and the benchmarks: prints "Listening on <base uri>" and runs until stdin closes, Ctrl+C or SIGTERM.
GraphSimulatorOptions? options;
try
{
    options = SimulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SimulatorCommandLine.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(SimulatorCommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var sim = await GraphSimulatorHost.StartAsync(options);
Console.WriteLine("Listening on " + sim.BaseUri.ToString().TrimEnd('/'));
Console.Error.WriteLine($"{sim.Tenant.SignIns.Count} sign-ins, tenant {sim.Tenant.TenantId}; close stdin or send SIGTERM to stop.");
Console.Error.WriteLine($"Log Analytics: POST {sim.LogAnalyticsBaseUri}v1/workspaces/{sim.WorkspaceId}/query"
    + (options.LogAnalytics.Preload ? $" ({sim.Tenant.LogAnalytics.TotalRows} rows)." : " (tables built on the first query; --la-preload builds them now)."));
Console.Out.Flush();

// stdin closing (the parent process ended or closed the pipe) stops the simulator, so it never outlives its test run.
var stdinClosed = Task.Run(() =>
{
    using var stdin = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (stdin.Read(buffer, 0, buffer.Length) > 0)
    {
    }
});
await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
return 0;
