using EntraStrongAuth.Cmdlets.Classification;
using EntraStrongAuth.Cmdlets.Connection;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Engine.Application.Failures;
using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The base of every EntraStrongAuth cmdlet. Each block (<c>Begin/Process/End</c>) runs its async work on the thread
/// pool while the pipeline thread drains a queue of writes: only the pipeline thread ever calls WriteObject,
/// WriteError, WriteProgress and the other Write methods, as PowerShell requires.
/// <list type="bullet">
/// <item>Ctrl+C (<see cref="StopProcessing"/>) cancels <see cref="PipelineStopToken"/>, which every async call receives,
/// and the drain stops at once.</item>
/// <item>Back-pressure: the worker can run at most <see cref="OutputCapacity"/> writes ahead of the pipeline; a slow
/// consumer (or <c>Select-Object -First</c>) slows the producer instead of filling memory.</item>
/// <item>No <c>.Result</c> or <c>Wait()</c> on an unfinished task: the pipeline thread blocks only on the queue.</item>
/// </list>
/// </summary>
public abstract partial class AsyncPSCmdlet : PSCmdlet, IDisposable, IPipelineInvoker
{
    private readonly CancellationTokenSource _stop = new();
    private OutputChannel? _channel;
    private CommandConnection? _connection;
    private Task? _work;

    /// <summary>How many writes the worker may queue before it waits for the pipeline.</summary>
    protected virtual int OutputCapacity => 256;

    private static readonly string[] HostTags = { "PSHOST" };

    /// <summary>Cancelled when the user presses Ctrl+C or a downstream command stops the pipeline.</summary>
    protected CancellationToken PipelineStopToken => _stop.Token;

    protected virtual Task BeginProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task ProcessRecordAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task EndProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected sealed override void BeginProcessing()
    {
        // Whether a Connect-MgGraph session could serve this command is read now, on the pipeline thread; it is
        // adopted only if the command asks for a connection and the module has none of its own.
        _connection = new CommandConnection(GraphSessionAdoption.Observe(this), text => _ = WriteVerboseAsync(text));
        RunBlock(BeginProcessingAsync);
    }

    protected sealed override void ProcessRecord() => RunBlock(ProcessRecordAsync);

    protected sealed override void EndProcessing()
    {
        try
        {
            RunBlock(EndProcessingAsync);
        }
        finally
        {
            _connection?.ReleaseAfter(_work);
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Queues an object for output; waits (asynchronously) when the pipeline is behind.</summary>
    protected Task WriteObjectAsync(object? value) => Post(cmdlet => cmdlet.WriteObject(value));

    protected Task WriteErrorAsync(ErrorRecord record) => Post(cmdlet => cmdlet.WriteError(ErrorRecords.Escaped(record)));

    /// <summary>A non-terminating error from a domain failure: id, category and advice come from the exception.</summary>
    protected Task WriteErrorAsync(EntraStrongAuthException failure, object? target) =>
        WriteErrorAsync(ErrorRecords.From(failure, target));

    // Every text written goes through MessageText.Escape: it may quote the input, whose control characters must not reach the terminal.
    protected Task WriteWarningAsync(string text) => Post(cmdlet => cmdlet.WriteWarning(MessageText.Escape(text)));

    protected Task WriteVerboseAsync(string text) => Post(cmdlet => cmdlet.WriteVerbose(MessageText.Escape(text)));

    protected Task WriteDebugAsync(string text) => Post(cmdlet => cmdlet.WriteDebug(MessageText.Escape(text)));

    protected Task WriteProgressAsync(ProgressRecord record) => Post(cmdlet => cmdlet.WriteProgress(CmdletRunHost.Escaped(record)));

    /// <summary>The Graph connection, held for this command until it ends (a reconnect elsewhere waits for it); NotConnected when there is none.</summary>
    private protected GraphConnection RequireConnection() => CommandConnection.Require();

    /// <summary>As <see cref="RequireConnection"/>, or null when not connected.</summary>
    private protected GraphConnection? CurrentConnection() => CommandConnection.Current();

    // Made in BeginProcessing; a block run without it (a test calling ProcessRecord alone) sees no Graph PowerShell session.
    private CommandConnection CommandConnection => LazyInitializer.EnsureInitialized(ref _connection, () => new CommandConnection(null, _ => { }))!;

    /// <summary>
    /// The reader of a live command's sign-ins: a Log Analytics workspace's tables when <paramref name="workspaceId"/>
    /// is given (-WorkspaceId), else Microsoft Graph; both through the current connection's credential.
    /// </summary>
    /// <param name="workspaceId">-WorkspaceId, or null.</param>
    /// <param name="host">Where the reader reports.</param>
    /// <param name="activityId">Its progress bar.</param>
    /// <param name="reading">What it reads, e.g. "Reading sign-ins"; the source is added.</param>
    /// <param name="callerReportsHiddenConditionalAccess">The command warns about hidden Conditional Access itself.</param>
    private protected Engine.Application.Retrieval.ISignInQueryReader SignInReader(Guid? workspaceId, IRunHost host, int activityId, string reading, bool callerReportsHiddenConditionalAccess = false) =>
        workspaceId is { } id
            ? new Engine.Workspace.WorkspaceSignInReader(Engine.Workspace.LogAnalyticsQueryClient.For(RequireConnection(), id), host, activityId, reading + " from Log Analytics workspace " + id.ToString("D"))
            : new Engine.Application.Retrieval.LiveSignInReader(RequireConnection(), host, activityId, reading + " from Microsoft Graph") { CallerReportsHiddenConditionalAccess = callerReportsHiddenConditionalAccess };

    /// <summary>This cmdlet's streams as the Engine's run host, for application services that report while they work.</summary>
    private protected IRunHost CreateRunHost() => new CmdletRunHost(Post);

    /// <summary>-ClassificationDataPath's files combined with the built-in tables; null without paths (the built-in classifier).</summary>
    private protected async Task<StrongAuthClassifier?> ClassifierAsync(string[]? dataPaths)
    {
        if (dataPaths is null)
        {
            return null;
        }

        var files = await InvokeOnPipelineAsync(() => ClassificationDataPaths.Resolve(this, dataPaths)).ConfigureAwait(false);
        return await ClassificationDataFiles.ClassifierAsync(files, CreateRunHost()).ConfigureAwait(false);
    }

    /// <summary>Text the user must see now (like Write-Host): the information stream tagged PSHOST, which hosts display.</summary>
    protected Task WriteHostAsync(string text) =>
        Post(cmdlet => cmdlet.WriteInformation(new HostInformationMessage { Message = MessageText.Escape(text) }, HostTags));

    /// <summary>
    /// Runs <paramref name="function"/> on the pipeline thread and returns its result: for anything that touches
    /// PowerShell's session state (path resolution, variables), which is not safe from other threads.
    /// </summary>
    protected async Task<T> InvokeOnPipelineAsync<T>(Func<T> function)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_stop.Token.Register(() => result.TrySetCanceled()))
        {
            await Post(_ =>
            {
                try
                {
                    result.TrySetResult(function());
                }
                catch (Exception ex)
                {
                    result.TrySetException(ex);
                }
            }).ConfigureAwait(false);
            return await result.Task.ConfigureAwait(false);
        }
    }

    Task<T> IPipelineInvoker.InvokeOnPipelineThreadAsync<T>(Func<PSCmdlet, T> function, CancellationToken cancellationToken) =>
        InvokeOnPipelineAsync(() => function(this));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.ReleaseAfter(_work);
            _stop.Dispose();
        }
    }

    private Task Post(Action<Cmdlet> write)
    {
        var channel = _channel ?? throw new InvalidOperationException("Writes are only possible while a block is running.");
        return channel.PostAsync(write, _stop.Token);
    }

    private void RunBlock(Func<CancellationToken, Task> block)
    {
        var channel = new OutputChannel(OutputCapacity);
        _channel = channel;
        var token = _stop.Token;

        // Task.Run: the work starts on the thread pool, outside any host synchronization context, so awaits
        // inside it can never deadlock on the pipeline thread.
        Task work;
        using (PipelineCommand.Enter(this))
        {
            work = Task.Run(() => block(token), token);
        }

        _work = work;
        work.ContinueWith(_ => channel.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            foreach (var write in channel.Drain(token))
            {
                write(this);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Ctrl+C: the work may still be unwinding; PowerShell expects us to return now.
        }

        if (token.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        // The queue completes only after the task finished, so reading its outcome here never blocks.
        ThrowIfFailed(work);
    }

    private void ThrowIfFailed(Task work)
    {
        if (!work.IsFaulted || work.Exception is null)
        {
            return;
        }

        var error = work.Exception.GetBaseException();
        switch (error)
        {
            case PipelineStoppedException:
                throw error;
            case TerminatingErrorException terminating:
                ThrowTerminatingError(ErrorRecords.Escaped(terminating.ErrorRecord));
                break;
            case EntraStrongAuthException failure:
                ThrowTerminatingError(ErrorRecords.From(failure, null));
                break;
            default:
                // An unexpected failure still reaches the user as a clear error, never a raw stack trace.
                ThrowTerminatingError(ErrorRecords.Escaped(new ErrorRecord(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, null)));
                break;
        }
    }

    /// <summary>A bounded hand-off from the worker to the pipeline thread.</summary>
    /// <remarks>Not disposed on purpose: after Ctrl+C the worker may still touch it while unwinding.</remarks>
#pragma warning disable CA1001
    private sealed class OutputChannel
#pragma warning restore CA1001
    {
        private readonly BlockingCollection<Action<Cmdlet>> _queue = new();
        private readonly SemaphoreSlim _slots;

        public OutputChannel(int capacity)
        {
            _slots = new SemaphoreSlim(capacity, capacity);
        }

        public async Task PostAsync(Action<Cmdlet> write, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            _queue.Add(write, cancellationToken);
        }

        public void Complete() => _queue.CompleteAdding();

        public System.Collections.Generic.IEnumerable<Action<Cmdlet>> Drain(CancellationToken cancellationToken)
        {
            foreach (var write in _queue.GetConsumingEnumerable(cancellationToken))
            {
                _slots.Release();
                yield return write;
            }
        }
    }
}
