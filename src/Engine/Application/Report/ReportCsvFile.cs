using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using EntraStrongAuth.Core.Csv;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// A CSV beside the report holding every row of a table the page cuts to its top rows. Rows are written as they come
/// to a ".partial" file, so 100,000 failures are never held; <see cref="Keep"/> gives it its name, <see cref="Dispose"/>
/// removes an unkept one. Cells go through <see cref="SpreadsheetSafeCsv"/>: log text cannot become a formula.
/// </summary>
internal sealed class ReportCsvFile : IDisposable
{
    private readonly string _path;
    private readonly string _partialPath;
    private readonly IReadOnlyList<string> _columns;
    private StreamWriter? _writer;

    public ReportCsvFile(string path, IReadOnlyList<string> columns)
    {
        _path = path;
        _partialPath = path + ".partial";
        _columns = columns;
    }

    /// <summary>The file name the report links to (relative, so the pair can be moved or mailed together).</summary>
    public string FileName => Path.GetFileName(_path);

    public long Rows { get; private set; }

    public void Write(IEnumerable<string?> cells)
    {
        if (_writer is null)
        {
            // UTF-8 with a byte order mark, so spreadsheet programs read non-ASCII names correctly.
            _writer = new StreamWriter(new FileStream(_partialPath, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(true));
            SpreadsheetSafeCsv.WriteRow(_writer, _columns);
        }

        SpreadsheetSafeCsv.WriteRow(_writer, cells);
        Rows++;
    }

    /// <summary>Closes the file under its final name (replacing an older one); returns its full path.</summary>
    public string Keep()
    {
        if (_writer is null)
        {
            throw new InvalidOperationException("The CSV " + FileName + " has no rows to keep.");
        }

        _writer.Dispose();
        _writer = null;
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }

        File.Move(_partialPath, _path);
        return _path;
    }

    public void Dispose()
    {
        if (_writer is null)
        {
            return;
        }

        _writer.Dispose();
        _writer = null;
        File.Delete(_partialPath);
    }
}
