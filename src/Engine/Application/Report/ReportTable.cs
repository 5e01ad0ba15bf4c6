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

/// <summary>A sortable, filterable table of the report: columns, rows, and how many rows the input had in all.</summary>
internal sealed class ReportTable
{
    public ReportTable(string id, string caption, params string[] columns)
    {
        Id = id;
        Caption = caption;
        Columns = columns;
    }

    /// <summary>The element id (stable: the page's script and the browser tests find tables by it).</summary>
    public string Id { get; }

    public string Caption { get; }

    public IReadOnlyList<string> Columns { get; }

    public List<IReadOnlyList<ReportCell>> Rows { get; } = new();

    /// <summary>The rows the input had; more than <see cref="Rows"/> when the table was cut to the top ones.</summary>
    public long TotalRows { get; set; }

    /// <summary>Where every row is when the table was cut (a CSV file beside the report), by file name.</summary>
    public string? FullListFile { get; set; }

    public void Add(params ReportCell[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException("Table " + Id + " has " + Columns.Count + " columns; a row had " + cells.Length + ".", nameof(cells));
        }

        Rows.Add(cells);
        TotalRows = Math.Max(TotalRows, Rows.Count);
    }
}
