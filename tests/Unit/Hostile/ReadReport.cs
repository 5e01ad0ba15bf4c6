using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>One error as the user sees it: its stable id, where it points, and its text.</summary>
/// <summary>One error as read back; <paramref name="Shown"/> is what the error views print beside the message (the module's CategoryInfo and details).</summary>
internal sealed record ReadError(string ErrorId, string? File, long? Line, long? Record, string Message, string? Shown = null);

/// <summary>
/// What reading a case's input produced, whichever way it was read (the Engine readers in this process, or the
/// built module in a child pwsh): the records, the errors and warnings, and how the read ended.
/// </summary>
internal sealed class ReadReport
{
    public List<string> SignInIds { get; } = [];

    public List<ReadError> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>An exception that left the read (a crash), with its stack trace.</summary>
    public string? Crash { get; set; }

    /// <summary>The read was still going at the time limit.</summary>
    public bool Hung { get; set; }

    /// <summary>The read was stopped because it passed the memory cap.</summary>
    public bool OverMemoryCap { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Peak memory of the read: managed heap growth in process, peak RSS (VmHWM) of a child pwsh.</summary>
    public long PeakBytes { get; set; }

    public string MemoryMeasure { get; set; } = "";

    /// <summary>A copy with lists of its own.</summary>
    public ReadReport Snapshot()
    {
        var copy = new ReadReport { Crash = Crash, Hung = Hung, OverMemoryCap = OverMemoryCap, Elapsed = Elapsed, PeakBytes = PeakBytes, MemoryMeasure = MemoryMeasure };
        copy.SignInIds.AddRange(SignInIds);
        copy.Errors.AddRange(Errors);
        copy.Warnings.AddRange(Warnings);
        return copy;
    }
}
