using System;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// What retrieval reports while it runs, for -Verbose, warnings and Write-Progress. Callbacks may come from several
/// threads at once and are awaited, so a slow pipeline slows retrieval instead of queueing without bound. No
/// message ever contains a token.
/// </summary>
public sealed class RetrievalEvents
{
    private int _conditionalAccessHiddenClaimed;

    public Func<string, Task>? Verbose { get; init; }

    public Func<string, Task>? Warning { get; init; }

    public Func<RetrievalProgress, Task>? Progress { get; init; }

    internal Task VerboseAsync(string message) => Verbose?.Invoke(message) ?? Task.CompletedTask;

    internal Task WarningAsync(string message) => Warning?.Invoke(message) ?? Task.CompletedTask;

    /// <summary>
    /// True the first time only: the hidden-Conditional-Access warning is said once per set of events, so a command
    /// that keeps one set for its run warns once however many reads (failures, then successes in batches) it makes.
    /// </summary>
    internal bool ClaimConditionalAccessHiddenWarning() => Interlocked.Exchange(ref _conditionalAccessHiddenClaimed, 1) == 0;

    internal Task ProgressAsync(RetrievalProgress progress) => Progress?.Invoke(progress) ?? Task.CompletedTask;
}
