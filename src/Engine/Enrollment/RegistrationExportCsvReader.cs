using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Reads a CSV of the registration report into <see cref="UserRegistration"/> rows, one at a time: the Entra admin
/// center's download (Protection > Authentication methods > User registration details > Download) or Export-Csv of
/// Get-MgReportAuthenticationMethodUserRegistrationDetail. Columns are found by header (<see cref="RegistrationExportNames"/>),
/// never by position. A bad line becomes a <see cref="RegistrationReadProblem"/> naming line, column and what was
/// expected, and is skipped; the other lines are still read. When the file has no id column the UPN stands in for it.
/// </summary>
public static class RegistrationExportCsvReader
{
    private static readonly char[] ListSeparators = { ',', ';', '\n' };

    public static IEnumerable<RegistrationReadItem> ReadFile(string path, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return Read(() => new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true), Path.GetFileName(path), cancellationToken);
    }

    /// <summary>Reads from a reader the caller opened; the reader is disposed when the enumeration ends.</summary>
    public static IEnumerable<RegistrationReadItem> Read(TextReader reader, string source, CancellationToken cancellationToken = default)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return Read(() => reader, source ?? throw new ArgumentNullException(nameof(source)), cancellationToken);
    }

    private static IEnumerable<RegistrationReadItem> Read(Func<TextReader> open, string source, CancellationToken cancellationToken)
    {
        using var text = open();
        var csv = new CsvRecordReader(text);
        RegistrationColumn[]? columns = null;
        string[] headers = Array.Empty<string>();
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (csv.IsBlankLine)
            {
                continue;
            }

            if (columns is null)
            {
                // Windows PowerShell's Export-Csv writes "#TYPE …" before the header; a reader over a string keeps the BOM.
                if (csv[0].ToString().TrimStart('\uFEFF').StartsWith("#TYPE", StringComparison.Ordinal))
                {
                    continue;
                }

                headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString().TrimStart('\uFEFF').Trim()).ToArray();
                columns = headers.Select(RegistrationExportNames.ColumnOf).ToArray();
                var problem = HeaderProblem(columns, headers, source, csv.Line);
                if (problem is not null)
                {
                    yield return new RegistrationReadItem(problem);
                    yield break;
                }

                continue;
            }

            yield return ReadRow(csv, columns, headers, source);
        }

        if (columns is null)
        {
            yield return new RegistrationReadItem(new RegistrationReadProblem(RegistrationReadProblem.Empty, source, null, null, "The file has no header line: it is empty, not a registration export."));
        }
    }

    private static RegistrationReadProblem? HeaderProblem(RegistrationColumn[] columns, string[] headers, string source, long line)
    {
        var hasUser = columns.Contains(RegistrationColumn.UserPrincipalName) || columns.Contains(RegistrationColumn.Id);
        if (hasUser && columns.Contains(RegistrationColumn.MethodsRegistered))
        {
            return null;
        }

        return new RegistrationReadProblem(
            RegistrationReadProblem.ColumnsUnknown,
            source,
            line,
            null,
            "The header is not a registration report's: expected a user column (\"User principal name\" / userPrincipalName, or id) and \"Methods registered\" / methodsRegistered. Columns seen: "
                + string.Join(", ", headers) + ".");
    }

    private static RegistrationReadItem ReadRow(CsvRecordReader csv, RegistrationColumn[] columns, string[] headers, string source)
    {
        if (csv.HasUnterminatedQuote || csv.FieldCount != columns.Length)
        {
            var what = csv.HasUnterminatedQuote
                ? "a quoted cell is not closed before the end of the file"
                : "the line has " + csv.FieldCount.ToString(CultureInfo.InvariantCulture) + " cells, the header " + columns.Length.ToString(CultureInfo.InvariantCulture);
            return Problem(source, csv.Line, null, what + "; the line was skipped.");
        }

        var cells = new Dictionary<RegistrationColumn, (string Text, string Header)>();
        for (var i = 0; i < columns.Length; i++)
        {
            // The first column of a field wins; an empty duplicate does not erase it.
            if (columns[i] != RegistrationColumn.None && !cells.ContainsKey(columns[i]))
            {
                cells[columns[i]] = (csv[i].ToString().Trim(), headers[i]);
            }
        }

        string? Cell(RegistrationColumn column) => cells.TryGetValue(column, out var cell) && cell.Text.Length > 0 ? cell.Text : null;

        var upn = Cell(RegistrationColumn.UserPrincipalName);
        var id = Cell(RegistrationColumn.Id) ?? upn;
        if (id is null)
        {
            return Problem(source, csv.Line, null, "neither a user principal name nor an id; the line was skipped.");
        }

        try
        {
            var registration = new UserRegistration(id, upn)
            {
                UserDisplayName = Cell(RegistrationColumn.DisplayName),
                UserType = Cell(RegistrationColumn.UserType),
                IsAdmin = Boolean(cells, RegistrationColumn.IsAdmin),
                IsMfaRegistered = Boolean(cells, RegistrationColumn.IsMfaRegistered),
                IsMfaCapable = Boolean(cells, RegistrationColumn.IsMfaCapable),
                IsPasswordlessCapable = Boolean(cells, RegistrationColumn.IsPasswordlessCapable),
                MethodsRegistered = Methods(cells[RegistrationColumn.MethodsRegistered]),
                DefaultMfaMethod = Cell(RegistrationColumn.DefaultMfaMethod),
                LastUpdatedDateTime = Time(cells),
                Source = source + " line " + csv.Line.ToString(CultureInfo.InvariantCulture),
            };
            return new RegistrationReadItem(registration);
        }
        catch (CellException e)
        {
            return Problem(source, csv.Line, e.Header, e.Message + "; the line was skipped.");
        }
    }

    private static RegistrationReadItem Problem(string source, long line, string? column, string message) =>
        new(new RegistrationReadProblem(RegistrationReadProblem.RowInvalid, source, line, column, message));

    private static bool? Boolean(Dictionary<RegistrationColumn, (string Text, string Header)> cells, RegistrationColumn column)
    {
        if (!cells.TryGetValue(column, out var cell) || cell.Text.Length == 0)
        {
            return null;
        }

        // Graph exports write True/False; the admin center is assumed to write Yes/No or Capable/Not capable.
        switch (cell.Text.ToUpperInvariant())
        {
            case "TRUE": case "YES": case "1": case "CAPABLE": case "REGISTERED": case "ENABLED":
                return true;
            case "FALSE": case "NO": case "0": case "NOT CAPABLE": case "NOT REGISTERED": case "NOT ENABLED": case "DISABLED":
                return false;
            default:
                throw new CellException(cell.Header, "'" + cell.Text + "' is not a yes/no value (expected True/False, Yes/No or Capable/Not capable)");
        }
    }

    private static DateTimeOffset? Time(Dictionary<RegistrationColumn, (string Text, string Header)> cells)
    {
        if (!cells.TryGetValue(RegistrationColumn.LastUpdated, out var cell) || cell.Text.Length == 0)
        {
            return null;
        }

        // Without an offset the value is UTC: Graph's lastUpdatedDateTime always is, and the blade shows UTC.
        return DateTimeOffset.TryParse(cell.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? time
            : throw new CellException(cell.Header, "'" + cell.Text + "' is not a date and time (expected ISO 8601 such as 2026-11-28T10:15:00Z)");
    }

    /// <summary>
    /// Comma-, semicolon- or newline-separated names; a piece that is not a known name but whose space-separated words
    /// all are ("mobilePhone microsoftAuthenticatorPush", PowerShell's default array-to-string) is split on spaces.
    /// Unknown names are kept as written: the strength evaluator reports them as unknown methods, never drops them.
    /// </summary>
    private static string[] Methods((string Text, string Header) cell)
    {
        if (cell.Text.StartsWith("System.", StringComparison.Ordinal) && cell.Text.EndsWith("[]", StringComparison.Ordinal))
        {
            throw new CellException(cell.Header, "holds '" + cell.Text + "', the array's type name: the export did not expand the list (export it as $_.MethodsRegistered -join ';')");
        }

        var names = new List<string>();
        foreach (var raw in cell.Text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = raw.Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            var known = RegistrationExportNames.MethodOf(piece);
            var words = piece.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (known is null && words.Length > 1 && words.All(w => RegistrationExportNames.MethodOf(w) is not null))
            {
                names.AddRange(words.Select(w => RegistrationExportNames.MethodOf(w)!));
            }
            else
            {
                names.Add(known ?? piece);
            }
        }

        return names.ToArray();
    }

    private sealed class CellException : Exception
    {
        public CellException(string header, string message)
            : base(message)
        {
            Header = header;
        }

        public string Header { get; }
    }
}
