using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Engine.Application.Report;

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
