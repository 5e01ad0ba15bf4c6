using System;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// A request failed in a way worth retrying (5xx, dropped connection, truncated body, timeout, a skip token the
/// service no longer accepts). The slice resumes from the oldest record it reached; the user never sees this.
/// </summary>
internal class TransientRetrievalException : Exception
{
    public TransientRetrievalException(string reason, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(reason, inner)
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan? RetryAfter { get; }

    /// <summary>True when waiting first would not help (a rejected skip token): resume at once with a fresh query.</summary>
    public bool ResumeImmediately { get; init; }
}
