using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The header row: which column holds which field, the time zone its time column states, and the category a download's file name says.</summary>
internal sealed partial class CsvSignInReader
{
    private void ReadHeader()
    {
        // Windows PowerShell's Export-Csv writes "#TYPE System.Management.Automation.PSCustomObject" first.
        if (_csv.FieldCount >= 1 && _csv[0].StartsWith("#TYPE".AsSpan(), StringComparison.Ordinal))
        {
            return;
        }

        var count = _csv.FieldCount;
        _fields = new SignInField[count];
        _duplicateOf = new int[count];
        _repeatsHeader = new bool[count];
        var firstColumn = new Dictionary<SignInField, int>();
        var headers = new List<string>(count);
        var unknown = new UnknownNames();
        for (var i = 0; i < count; i++)
        {
            var header = _csv[i].ToString();
            headers.Add(header);
            var field = _format == SignInLogFormat.AdminCenterCsv ? AdminCenterCsvColumns.Resolve(header) : LogAnalyticsColumns.Resolve(header);
            _fields[i] = field;
            _duplicateOf[i] = -1;
            if (field == SignInField.None)
            {
                if (header.Trim().Length > 0 && !SignInNamesNotNeeded.IsKnownHeader(header, _format))
                {
                    unknown.Note(header.Trim());
                }

                continue;
            }

            if (firstColumn.TryGetValue(field, out var first))
            {
                // The admin center writes "Incoming token type" twice: the first filled cell wins. A column named
                // exactly like an earlier one is a real duplicate (see MapCells); Type and Category are two names of one field.
                _duplicateOf[i] = first;
                _repeatsHeader[i] = string.Equals(header.Trim(), headers[first].Trim(), StringComparison.OrdinalIgnoreCase)
                    && !(_format == SignInLogFormat.AdminCenterCsv && string.Equals(header.Trim(), "Incoming token type", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                firstColumn[field] = i;
                _headerOf[field] = header.Trim();
            }
        }

        var hasTime = firstColumn.ContainsKey(SignInField.CreatedDateTime) || firstColumn.ContainsKey(SignInField.EventTime);
        var hasCode = firstColumn.ContainsKey(SignInField.ErrorCode) || firstColumn.ContainsKey(SignInField.ResultType) || firstColumn.ContainsKey(SignInField.Status);
        if (!hasTime || !hasCode)
        {
            var expected = _format == SignInLogFormat.AdminCenterCsv ? "\"Date (UTC)\" and \"Sign-in error code\" or \"Status\"" : "TimeGenerated or CreatedDateTime, and ResultType or Status";
            _pending.Enqueue(SignInProblems.Create(
                SignInProblems.FormatUnknown,
                _source,
                "The CSV header (line " + _csv.Line.ToString(CultureInfo.InvariantCulture) + ") has no column for the sign-in time or the error code, which "
                    + _format + " needs: expected " + expected + ". Columns seen: " + string.Join(", ", headers) + ".",
                _csv.Line));
            _done = true;
            return;
        }

        _builder = new SignInRecordBuilder(_source, new StringCache(), FieldName, _notes)
        {
            DefaultCategory = _format == SignInLogFormat.AdminCenterCsv ? CategoryFromFileName(_source) : null,
            MfaColumnsAreAStep = _format == SignInLogFormat.AdminCenterCsv,
            TextTimeZone = TimeZoneOf(headers, firstColumn),
        };

        if (unknown.TakeWarning(_source, "columns") is { } warning)
        {
            _pending.Enqueue(warning);
        }
    }

    /// <summary>
    /// The zone the time header states (the createdDateTime column's, else the event time's); warns when it says
    /// local time without saying which, because the cells are then read as UTC.
    /// </summary>
    private CsvTimeZone TimeZoneOf(List<string> headers, Dictionary<SignInField, int> firstColumn)
    {
        var column = firstColumn.TryGetValue(SignInField.CreatedDateTime, out var created) ? created : firstColumn[SignInField.EventTime];
        var zone = CsvTimeZone.Of(headers[column]);
        if (zone.IsUnstatedLocal)
        {
            _pending.Enqueue(new SignInReadItem(_source + ": the time column " + SignInProblems.Show(headers[column].Trim())
                + " holds the exporting machine's local time, whose UTC offset the file does not state; the times are read as UTC and may be off by that offset. "
                + "Export with the time zone set to UTC for exact times."));
        }

        return zone;
    }

    /// <summary>
    /// The download's interactive and non-interactive CSVs have the same header; only the file name
    /// (InteractiveSignIns_…, NonInteractiveSignIns_…, ServicePrincipalSignIns_…, MSISignIns_…) tells them apart.
    /// </summary>
    private static string? CategoryFromFileName(string source)
    {
        // Not Path.GetFileName: on .NET Framework it throws for a URL's '?' (ReadStream takes any source name).
        var name = source.Substring(source.LastIndexOfAny(['/', '\\']) + 1);
        if (name.IndexOf("NonInteractive", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "NonInteractiveUserSignInLogs";
        }

        if (name.IndexOf("ServicePrincipal", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "ServicePrincipalSignInLogs";
        }

        if (name.StartsWith("MSISignIns", StringComparison.OrdinalIgnoreCase) || name.IndexOf("ManagedIdentity", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "ManagedIdentitySignInLogs";
        }

        return name.IndexOf("InteractiveSignIns", StringComparison.OrdinalIgnoreCase) >= 0 ? "SignInLogs" : null;
    }
}
