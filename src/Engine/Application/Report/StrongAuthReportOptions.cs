using System;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>What Export-StrongAuthReport was asked for once its parameters are bound.</summary>
public sealed class StrongAuthReportOptions
{
    /// <summary>The HTML file to write (full path); the CSVs of cut tables go beside it.</summary>
    public string Path { get; set; } = string.Empty;

    public string Title { get; set; } = "Strong authentication report";

    /// <summary>Rows each table shows; the rest are in a CSV beside the report.</summary>
    public int Top { get; set; } = 50;

    public string ModuleVersion { get; set; } = "unknown";

    public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The window asked for (-StartTime/-EndTime), when one was; else the failures' own span is shown.</summary>
    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }
}
