using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The trend: failures per day (or week) stacked by cause, as inline SVG drawn here (no chart library, no script),
/// with change markers; then its legend, the "What changed" list, and the same numbers as a table, the chart's text
/// alternative. Colours come from classes (k0…k9 by cause), because the page's policy refuses style attributes.
/// </summary>
internal static class TrendChart
{
    private const int Width = 960;
    private const int Height = 280;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 36;
    private const int Bottom = 40;

    public static void Write(HtmlBuilder html, TrendBuckets buckets, IReadOnlyList<ChangeMarker> markers)
    {
        var unit = buckets.Weekly ? "week" : "day";
        var totals = Enumerable.Range(0, buckets.Starts.Count).Select(buckets.Total).ToArray();
        var sum = totals.Sum();
        var peak = Array.IndexOf(totals, totals.Max());
        var description = sum.ToString("N0", Inv) + " failures per " + unit + " from " + Day(buckets.FirstDay) + " to " + Day(buckets.LastDay)
            + "; the most in one " + unit + " was " + totals[peak].ToString("N0", Inv) + " (" + Day(buckets.Starts[peak]) + "). By cause: "
            + string.Join(", ", buckets.Causes.Select((cause, i) => cause + " " + Enumerable.Range(0, buckets.Starts.Count).Sum(b => buckets.Counts[b, i]).ToString("N0", Inv)))
            + (markers.Count > 0 ? ". Changes marked: " + markers.Count + "." : ".");

        html.Open("figure", "id", "trend");
        html.Open("svg", "id", "trend-chart", "role", "img", "aria-labelledby", "trend-title trend-desc", "viewBox", "0 0 " + Width + " " + Height, "xmlns", "http://www.w3.org/2000/svg");
        html.Element("title", "Strong-authentication failures per " + unit + ", by cause", "id", "trend-title");
        html.Element("desc", description, "id", "trend-desc");
        var scale = NiceMax(totals.Max());
        WriteAxes(html, buckets, scale);
        WriteBars(html, buckets, scale);
        WriteMarkers(html, buckets, markers.Take(ChangeMarkers.Drawn).ToList());
        html.Close("svg");
        html.Element("figcaption", description, "class", "visually-hidden");
        html.Close("figure");

        WriteLegend(html, buckets);
        WriteChanges(html, markers);
        WriteTable(html, buckets, totals, unit);
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", Inv);

    private static string N(double value) => value.ToString("0.##", Inv);

    private static long NiceMax(long max)
    {
        if (max <= 5)
        {
            return 5;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(m => m * 5 >= max);
        return (long)Math.Ceiling(step * 5);
    }

    private static void WriteAxes(HtmlBuilder html, TrendBuckets buckets, long scale)
    {
        html.Open("g", "class", "axes", "aria-hidden", "true");
        // NiceMax is five round steps, so five gridlines land on round numbers.
        for (var i = 0; i <= 5; i++)
        {
            var value = scale * i / 5;
            var y = Top + PlotHeight - (PlotHeight * value / scale);
            html.Open("line", "class", "grid", "x1", N(Left), "x2", N(Width - Right), "y1", N(y), "y2", N(y)).Close("line");
            html.Element("text", value.ToString("N0", Inv), "x", N(Left - 6), "y", N(y + 4), "text-anchor", "end");
        }

        var every = Math.Max(1, (int)Math.Ceiling(buckets.Starts.Count / 12.0));
        var slot = PlotWidth / buckets.Starts.Count;
        for (var b = 0; b < buckets.Starts.Count; b += every)
        {
            html.Element("text", buckets.Starts[b].ToString("MM-dd", Inv), "x", N(Left + (slot * (b + 0.5))), "y", N(Height - Bottom + 16), "text-anchor", "middle");
        }

        html.Close("g");
    }

    private static void WriteBars(HtmlBuilder html, TrendBuckets buckets, long scale)
    {
        var slot = PlotWidth / buckets.Starts.Count;
        var barWidth = Math.Max(1, slot * 0.7);
        for (var b = 0; b < buckets.Starts.Count; b++)
        {
            var y = Top + PlotHeight;
            for (var c = 0; c < buckets.Causes.Count; c++)
            {
                var count = buckets.Counts[b, c];
                if (count == 0)
                {
                    continue;
                }

                // At least half a pixel, so a count of 1 beside a peak of 10,000 still draws.
                var height = Math.Max(0.5, PlotHeight * count / scale);
                y -= height;
                html.Open("rect", "class", "bar k" + (int)buckets.Causes[c], "x", N(Left + (slot * b) + ((slot - barWidth) / 2)), "y", N(y), "width", N(barWidth), "height", N(height),
                    "data-day", Day(buckets.Starts[b]), "data-cause", buckets.Causes[c].ToString(), "data-count", count.ToString(Inv));
                html.Element("title", Day(buckets.Starts[b]) + ": " + buckets.Causes[c] + " " + count.ToString("N0", Inv)).Close("rect");
            }
        }
    }

    private static void WriteMarkers(HtmlBuilder html, TrendBuckets buckets, List<ChangeMarker> markers)
    {
        var slot = PlotWidth / buckets.Starts.Count;
        for (var i = 0; i < markers.Count; i++)
        {
            var x = Left + (slot * buckets.BucketOf(markers[i].Day));
            var label = markers[i].Label.Length > 40 ? markers[i].Label.Substring(0, 39) + "…" : markers[i].Label;
            html.Open("g", "class", "change", "data-day", Day(markers[i].Day));
            html.Open("line", "x1", N(x), "x2", N(x), "y1", N(Top - 4), "y2", N(Top + PlotHeight)).Close("line");
            html.Element("text", label, "x", N(x + 3), "y", N(12 + (12 * (i % 2))));
            html.Close("g");
        }
    }

    private static void WriteLegend(HtmlBuilder html, TrendBuckets buckets)
    {
        html.Open("ul", "class", "legend", "aria-label", "Causes in the chart");
        foreach (var cause in buckets.Causes)
        {
            html.Open("li").Open("svg", "viewBox", "0 0 12 12", "aria-hidden", "true").Open("rect", "class", "k" + (int)cause, "width", "12", "height", "12").Close("rect").Close("svg")
                .Text(cause.ToString()).Close("li");
        }

        html.Close("ul");
    }

    private static void WriteChanges(HtmlBuilder html, IReadOnlyList<ChangeMarker> markers)
    {
        html.Element("h3", "What changed");
        if (markers.Count == 0)
        {
            html.Element("p", "No change is known in this window: no piped policy was created or modified in it, and no Conditional Access policy first applies to failures after its first day.", "class", "muted");
            return;
        }

        html.Open("ul", "class", "changes");
        foreach (var marker in markers)
        {
            html.Open("li").Open("strong").Text(Day(marker.Day)).Close("strong").Text(": " + marker.Detail).Close("li");
        }

        html.Close("ul");
    }

    private static void WriteTable(HtmlBuilder html, TrendBuckets buckets, long[] totals, string unit)
    {
        html.Open("details").Element("summary", "The chart's numbers").Open("div", "class", "table-wrap").Open("table", "id", "trend-table");
        html.Element("caption", "Failures per " + unit + " by cause (the chart as a table)");
        html.Open("thead").Open("tr").Element("th", unit == "day" ? "Day" : "Week of", "scope", "col");
        foreach (var cause in buckets.Causes)
        {
            html.Open("th", "scope", "col", "class", "num");
            TableWriter.WriteLabel(html, cause.ToString());
            html.Close("th");
        }

        html.Element("th", "Total", "scope", "col", "class", "num").Close("tr").Close("thead").Open("tbody");
        for (var b = 0; b < buckets.Starts.Count; b++)
        {
            html.Open("tr").Element("th", Day(buckets.Starts[b]), "scope", "row");
            for (var c = 0; c < buckets.Causes.Count; c++)
            {
                html.Element("td", buckets.Counts[b, c].ToString(Inv), "class", "num");
            }

            html.Element("td", totals[b].ToString(Inv), "class", "num").Close("tr");
        }

        html.Close("tbody").Close("table").Close("div").Close("details");
    }
}
