using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>Writes Count numbers from the worker; counts how many it produced and records the worker's thread.</summary>
[Cmdlet(VerbsCommunications.Write, "TestNumbers")]
public sealed class WriteTestNumbersCommand : AsyncPSCmdlet
{
    private static int _produced;

    public static int Produced
    {
        get => Volatile.Read(ref _produced);
        set => Volatile.Write(ref _produced, value);
    }

    public static int WorkerThreadId { get; private set; }

    [Parameter(Mandatory = true)]
    public int Count { get; set; }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        WorkerThreadId = Environment.CurrentManagedThreadId;
        for (var i = 0; i < Count; i++)
        {
            await WriteObjectAsync(i);
            Interlocked.Increment(ref _produced);
        }
    }
}

/// <summary>Writes one object, then waits on the stop token forever; records that cancellation reached it.</summary>
[Cmdlet(VerbsLifecycle.Wait, "TestStop")]
public sealed class WaitTestStopCommand : AsyncPSCmdlet
{
    public static readonly TaskCompletionSource<bool> Cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        await WriteObjectAsync("started");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult(true);
            throw;
        }
    }
}

/// <summary>Exercises every write kind and each way a block can fail.</summary>
[Cmdlet(VerbsDiagnostic.Test, "Failure")]
public sealed class TestFailureCommand : AsyncPSCmdlet
{
    [Parameter(Mandatory = true)]
    public string Mode { get; set; } = string.Empty;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        await WriteVerboseAsync("verbose from worker");
        await WriteWarningAsync("warning from worker");
        await WriteProgressAsync(new ProgressRecord(1, "Testing", "half") { PercentComplete = 50 });
        await WriteErrorAsync(new EntraStrongAuthException("PerItemProblem", FailureKind.InvalidData, "item 1 is bad"), "item1");
        await WriteObjectAsync("after the non-terminating error");
        switch (Mode)
        {
            case "Domain":
                throw new EntraStrongAuthException("NotConnected", FailureKind.NotConnected, "You are not connected.", "Run Connect-EntraStrongAuth first.");
            case "Unexpected":
                throw new InvalidOperationException("boom");
        }
    }
}

/// <summary>Reads a session variable through InvokeOnPipelineAsync from the worker and outputs it with the thread ids.</summary>
[Cmdlet(VerbsCommon.Get, "TestVariable")]
public sealed class GetTestVariableCommand : AsyncPSCmdlet
{
    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        var worker = Environment.CurrentManagedThreadId;
        var (value, thread) = await InvokeOnPipelineAsync(() => (SessionState.PSVariable.GetValue("probe"), Environment.CurrentManagedThreadId));
        await WriteObjectAsync(new object?[] { value, thread, worker });
    }
}
