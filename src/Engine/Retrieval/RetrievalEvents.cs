using System;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// What retrieval reports while it runs, for -Verbose, warnings and Write-Progress. Callbacks may come from several
/// threads at once; the Cmdlets layer queues them to the pipeline thread. No message ever contains a token.
/// </summary>
public sealed class RetrievalEvents
{
    public Action<string>? Verbose { get; init; }

    public Action<string>? Warning { get; init; }

    public Action<Core.Retrieval.RetrievalProgress>? Progress { get; init; }
}
