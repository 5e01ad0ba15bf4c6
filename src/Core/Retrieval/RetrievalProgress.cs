using System;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>A snapshot of a running retrieval, for Write-Progress and the final verbose summary.</summary>
public sealed class RetrievalProgress
{
    public long Records { get; init; }

    public int SlicesDone { get; init; }

    public int SlicesTotal { get; init; }

    /// <summary>How much of the requested time range has been read completely.</summary>
    public TimeSpan Covered { get; init; }

    public TimeSpan Requested { get; init; }

    public int Requests { get; init; }

    public int Throttled { get; init; }

    public int Retries { get; init; }

    public double PercentComplete => Requested <= TimeSpan.Zero ? 100 : Math.Min(100, 100.0 * Covered.Ticks / Requested.Ticks);
}
