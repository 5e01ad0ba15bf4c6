using System.IO;

namespace EntraStrongAuth.BrowserTests.Reports;

/// <summary>Counts CSV records the way a spreadsheet reads them: a line break inside quotes does not end a record.</summary>
internal static class CsvRecords
{
    /// <summary>Records after the header line.</summary>
    public static int CountDataRecords(string path)
    {
        using var reader = new StreamReader(path);
        var records = 0;
        var inQuotes = false;
        var recordHasText = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                records += recordHasText ? 1 : 0;
                recordHasText = false;
                continue;
            }

            recordHasText |= c != '\r';
        }

        records += recordHasText ? 1 : 0;
        return records - 1;
    }
}
