using System;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>How long the workspace client waits and how often it retries; tests shorten them.</summary>
public sealed class WorkspaceClientOptions
{
    /// <summary>The server timeout asked for with <c>Prefer: wait=</c>: the API's default is 3 minutes, its maximum 10.</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a run of 429s is waited out before the command stops with WorkspaceThrottled.</summary>
    public TimeSpan MaxThrottledWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When a run of 429s is worth a warning.</summary>
    public TimeSpan ThrottledWaitWarning { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>5xx answers and dropped connections in a row before the command stops with WorkspaceUnavailable.</summary>
    public int MaxTransientRetries { get; init; } = 5;
}
