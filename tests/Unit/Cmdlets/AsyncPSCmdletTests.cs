using System;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>The async base class, run by a real PowerShell 7.6 pipeline.</summary>
[Collection("Static test cmdlets")]
public sealed class AsyncPSCmdletTests : IDisposable
{
    private readonly Runspace _runspace;

    public AsyncPSCmdletTests()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Write-TestNumbers", typeof(WriteTestNumbersCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Wait-TestStop", typeof(WaitTestStopCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Test-Failure", typeof(TestFailureCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Get-TestVariable", typeof(GetTestVariableCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public void Dispose() => _runspace.Dispose();

    private Collection<PSObject> Run(string script, out PowerShell shell)
    {
        shell = PowerShell.Create();
        shell.Runspace = _runspace;
        return shell.AddScript(script).Invoke();
    }

    [Fact]
    public void Every_object_from_the_worker_reaches_the_pipeline_in_order()
    {
        var output = Run("Write-TestNumbers -Count 5000", out var shell);

        Assert.False(shell.HadErrors);
        Assert.Equal(Enumerable.Range(0, 5000), output.Select(o => (int)o.BaseObject));
    }

    [Fact]
    public void Work_runs_off_the_pipeline_thread()
    {
        var output = Run("[Environment]::CurrentManagedThreadId; Write-TestNumbers -Count 1 | Out-Null", out _);

        var pipelineThread = (int)output[0].BaseObject;
        Assert.NotEqual(0, WriteTestNumbersCommand.WorkerThreadId);
        Assert.NotEqual(pipelineThread, WriteTestNumbersCommand.WorkerThreadId);
    }

    [Fact]
    public void Session_state_is_read_on_the_pipeline_thread_on_behalf_of_the_worker()
    {
        var output = Run("$probe = 'from-session'; [Environment]::CurrentManagedThreadId; Get-TestVariable", out _);

        var pipelineThread = (int)output[0].BaseObject;
        var result = (object[])output[1].BaseObject;
        Assert.Equal("from-session", result[0]);
        Assert.Equal(pipelineThread, (int)result[1]);
        Assert.NotEqual(pipelineThread, (int)result[2]);
    }

    [Fact]
    public void A_slow_consumer_holds_the_producer_back()
    {
        WriteTestNumbersCommand.Produced = 0;

        var output = Run("Write-TestNumbers -Count 1000000 | Select-Object -First 5", out _);

        // Select-Object stops the pipeline after 5; without back-pressure the worker would have queued far more.
        Assert.Equal(5, output.Count);
        Assert.InRange(WriteTestNumbersCommand.Produced, 5, 5 + 256 + 2);
    }

    [Fact]
    public async Task Stop_cancels_the_token_and_returns_promptly()
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddCommand("Wait-TestStop");
        var output = new PSDataCollection<PSObject>();
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        output.DataAdded += (_, _) => started.TrySetResult(true);
        var invocation = shell.BeginInvoke<PSObject, PSObject>(null, output);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var watch = Stopwatch.StartNew();
        shell.Stop();
        watch.Stop();

        Assert.True(await WaitTestStopCommand.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "Stop took " + watch.Elapsed);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Equal("started", Assert.Single(output).BaseObject);
        Assert.True(invocation.IsCompleted);
    }

    [Fact]
    public void Streams_written_by_the_worker_reach_their_streams()
    {
        Run("$VerbosePreference = 'Continue'; Test-Failure -Mode None", out var shell);

        Assert.Equal("verbose from worker", Assert.Single(shell.Streams.Verbose).Message);
        Assert.Equal("warning from worker", Assert.Single(shell.Streams.Warning).Message);
        Assert.Equal(50, Assert.Single(shell.Streams.Progress, p => p.Activity == "Testing").PercentComplete);
        var error = Assert.Single(shell.Streams.Error);
        Assert.StartsWith("PerItemProblem,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal("item1", error.TargetObject);
    }

    [Fact]
    public void A_domain_failure_becomes_a_terminating_error_with_its_id_category_and_advice()
    {
        var output = Run("try { Test-Failure -Mode Domain } catch { $_ }", out _);

        var error = (ErrorRecord)output.Single(o => o.BaseObject is ErrorRecord).BaseObject;
        Assert.StartsWith("NotConnected,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal("Run Connect-EntraStrongAuth first.", error.ErrorDetails.RecommendedAction);
        Assert.Contains(output, o => "after the non-terminating error".Equals(o.BaseObject));
    }

    [Fact]
    public void An_unexpected_exception_is_reported_as_an_error_not_a_crash()
    {
        var output = Run("try { Test-Failure -Mode Unexpected } catch { $_ }", out _);

        var error = (ErrorRecord)output.Single(o => o.BaseObject is ErrorRecord).BaseObject;
        Assert.StartsWith("UnexpectedError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("boom", error.Exception.Message);
    }
}
