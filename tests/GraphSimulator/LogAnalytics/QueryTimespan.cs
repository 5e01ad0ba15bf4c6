using System;
using System.Collections.Generic;
using System.Xml;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>
/// The body's optional ISO 8601 timespan: <c>start/end</c>, <c>start/duration</c>, <c>duration/end</c> or a duration
/// ending now. It is applied on top of the query: every table is read as if filtered to start ≤ TimeGenerated &lt; end.
/// </summary>
internal static class QueryTimespan
{
    public sealed record Range(DateTime Start, DateTime End)
    {
        /// <summary>The rows of a table inside the range (tables without TimeGenerated are left whole).</summary>
        internal RowSet Filter(RowSet rows)
        {
            int column = rows.IndexOf("TimeGenerated");
            if (column < 0)
            {
                return rows;
            }

            var kept = new List<int>();
            for (int i = 0; i < rows.Count; i++)
            {
                if (rows.Get(i, column) is DateTime t && t >= Start && t < End)
                {
                    kept.Add(i);
                }
            }

            return new IndexView(rows, kept.ToArray());
        }
    }

    /// <summary>Throws <see cref="FormatException"/> for text that is not an ISO 8601 interval or duration.</summary>
    public static Range Parse(string text, DateTime now)
    {
        string[] parts = text.Split('/');
        switch (parts.Length)
        {
            case 1:
                return new Range(now - Duration(parts[0]), now);
            case 2 when parts[0].StartsWith('P'):
            {
                var end = KqlValues.ParseDateTime(parts[1]);
                return new Range(end - Duration(parts[0]), end);
            }

            case 2 when parts[1].StartsWith('P'):
            {
                var start = KqlValues.ParseDateTime(parts[0]);
                return new Range(start, start + Duration(parts[1]));
            }

            case 2:
                return new Range(KqlValues.ParseDateTime(parts[0]), KqlValues.ParseDateTime(parts[1]));
            default:
                throw new FormatException($"'{text}' is not an ISO 8601 timespan.");
        }
    }

    private static TimeSpan Duration(string text) => XmlConvert.ToTimeSpan(text);
}
