using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// Reads files through the Engine's public reader (<see cref="SignInLogReader.ReadFile(string, SignInLogFormat, CancellationToken)"/>)
/// on a thread of its own, under a time limit and a memory cap: a read still going at the limit is a hang; growth of
/// the managed heap past the cap (sampled every 10 ms) cancels the read before it can take the test host down.
/// </summary>
internal static class EngineRead
{
    public const long MemoryCap = 512L * 1024 * 1024;

    /// <summary>Reads <paramref name="paths"/> in turn; <paramref name="settleHeap"/> collects garbage first, so the growth measured is this read's (the fuzzer's many tiny reads skip it).</summary>
    public static ReadReport Run(string[] paths, TimeSpan timeLimit, bool settleHeap = true)
    {
        var report = new ReadReport { MemoryMeasure = "managed heap growth" };
        using var cancel = new CancellationTokenSource();
        if (settleHeap)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: settleHeap);
        var clock = Stopwatch.StartNew();
        var read = Task.Factory.StartNew(() => ReadAll(paths, report, cancel.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long peak = 0;
        while (!read.Wait(10))
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            if (peak > MemoryCap && !cancel.IsCancellationRequested)
            {
                report.OverMemoryCap = true;
                cancel.Cancel();
            }

            if (clock.Elapsed > timeLimit && !cancel.IsCancellationRequested)
            {
                report.Hung = true;
                cancel.Cancel();
            }

            if (cancel.IsCancellationRequested && clock.Elapsed > timeLimit + TimeSpan.FromSeconds(5))
            {
                // Deaf to cancellation (blocked in a system call): leave the thread behind, the verdict says hang.
                report.Hung = true;
                break;
            }
        }

        report.Elapsed = clock.Elapsed;
        report.PeakBytes = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);

        // A read left behind may still be adding items: the verdict gets a copy.
        lock (report)
        {
            return report.Snapshot();
        }
    }

    private static void ReadAll(string[] paths, ReadReport report, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var path in paths)
            {
                foreach (var item in SignInLogReader.ReadFile(path, SignInLogFormat.Auto, cancellationToken))
                {
                    lock (report)
                    {
                        Record(item, report);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the time limit or the memory cap; the report already says which.
        }
        catch (Exception ex)
        {
            report.Crash = ex.ToString();
        }
    }

    private static void Record(SignInReadItem item, ReadReport report)
    {
        if (item.SignIn is { } signIn)
        {
            report.SignInIds.Add(signIn.Id ?? "(no id)");
        }
        else if (item.Problem is { } problem)
        {
            report.Errors.Add(new ReadError(problem.ErrorId, problem.File, problem.Line, problem.Record, problem.Message));
        }
        else if (item.Warning is { } warning)
        {
            report.Warnings.Add(warning);
        }
    }
}
