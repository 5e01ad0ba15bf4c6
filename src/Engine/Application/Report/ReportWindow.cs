using System;
using System.Globalization;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>The time span the report covers, in words: the window asked for, else the span of the failures given.</summary>
internal static class ReportWindow
{
    public static string Describe(ReportContent content, StrongAuthReportOptions options)
    {
        if (options.Start is not null || options.End is not null)
        {
            return "Sign-ins from " + Time(options.Start, "the start of the input") + " to " + Time(options.End, "the end of the input");
        }

        if (content.Failures.First is { } first && content.Failures.Last is { } last)
        {
            return "Failures from " + Time(first, string.Empty) + " to " + Time(last, string.Empty);
        }

        return content.Summaries.Count > 0 && content.Summaries[0].First is { } from && content.Summaries[0].Last is { } to
            ? "Failures from " + Time(from, string.Empty) + " to " + Time(to, string.Empty)
            : "No failures in the input";
    }

    private static string Time(DateTimeOffset? time, string otherwise) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : otherwise;
}
