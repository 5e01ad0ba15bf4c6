using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>One cell: its text (or lines of text), and for numbers and times the value the table sorts by.</summary>
internal sealed class ReportCell
{
    private ReportCell(string? text, IReadOnlyList<string>? lines, string? sortValue, bool isNumber = false, string? className = null)
    {
        Text = text;
        Lines = lines;
        SortValue = sortValue;
        IsNumber = isNumber;
        ClassName = className;
    }

    public string? Text { get; }

    public IReadOnlyList<string>? Lines { get; }

    /// <summary>What the page's script compares instead of the text (data-value); numbers compare numerically.</summary>
    public string? SortValue { get; }

    /// <summary>Right-aligned, tabular figures.</summary>
    public bool IsNumber { get; }

    /// <summary>A style class named by the report (an outcome or verdict name), never by input text.</summary>
    public string? ClassName { get; }

    public static implicit operator ReportCell(string? text) => new(text, null, null);

    public static ReportCell Of(long number) => new(number.ToString("N0", CultureInfo.InvariantCulture), null, number.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>An identifier-like number (an error code): no thousands separator, sorted numerically.</summary>
    public static ReportCell Code(int code) => new(code.ToString(CultureInfo.InvariantCulture), null, code.ToString(CultureInfo.InvariantCulture), isNumber: true);

    /// <summary>A sentence or more (a fix, a reason): wide enough to read, wrapping inside its column.</summary>
    public static ReportCell Prose(string? text) => new(text, null, null, className: "text");

    /// <summary>An outcome or verdict name, styled by its class (e.g. "verdict-WillBreak").</summary>
    public static ReportCell Named(string name, string classPrefix) => new(name, null, null, className: classPrefix + "-" + name);

    /// <summary>A UTC time shown to the minute; sorted by its ticks.</summary>
    public static ReportCell Of(DateTimeOffset? time) => time is { } value
        ? new(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), null, value.UtcTicks.ToString(CultureInfo.InvariantCulture), className: "time")
        : new(null, null, "0", className: "time");

    /// <summary>Lines of text: the page shows the first few and how many more; the CSV beside it holds them all.</summary>
    public static ReportCell List(IEnumerable<string?> lines) => new(null, lines.Where(line => !string.IsNullOrEmpty(line)).Select(line => line!).ToList(), null);
}
