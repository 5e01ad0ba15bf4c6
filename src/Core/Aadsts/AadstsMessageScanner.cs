using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>What an error message says: the AADSTS codes it names and the request identifiers around them.</summary>
public sealed class AadstsMessageFacts
{
    private readonly Dictionary<int, AadstsMessageFacts> _perCode = new();

    public AadstsMessageFacts(IReadOnlyList<int> codes, string? traceId, string? correlationId, DateTimeOffset? timestamp, string? resource)
    {
        Codes = codes;
        TraceId = traceId;
        CorrelationId = correlationId;
        Timestamp = timestamp;
        Resource = resource;
    }

    /// <summary>Distinct codes in order of first appearance.</summary>
    public IReadOnlyList<int> Codes { get; }

    public string? TraceId { get; }

    public string? CorrelationId { get; }

    public DateTimeOffset? Timestamp { get; }

    public string? Resource { get; }

    /// <summary>
    /// The ids and time written with one of the codes: a message that carries two errors has a Trace ID for each, so
    /// each code keeps the one after it. Falls back to the whole message's values only when the message has one
    /// code; with several, an id that cannot be placed is left out rather than given to the wrong code.
    /// </summary>
    public AadstsMessageFacts ForCode(int code) =>
        _perCode.TryGetValue(code, out var facts) ? facts : this;

    internal void SetForCode(int code, AadstsMessageFacts facts) => _perCode[code] = facts;
}

/// <summary>
/// Finds AADSTS codes in free text (MSAL exceptions, portal messages, az/Connect-AzAccount output) and the
/// Trace ID / Correlation ID / Timestamp that Entra appends, so a help desk can look the request up.
/// </summary>
public static class AadstsMessageScanner
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly Regex CodePattern = new(@"AADSTS\s?(?<code>\d{4,8})\b", Options, MatchTimeout);
    private static readonly Regex TracePattern = new(@"Trace\s*ID\s*[:=]\s*(?<v>[0-9a-f-]{36})", Options, MatchTimeout);
    private static readonly Regex CorrelationPattern = new(@"Correlation\s*ID\s*[:=]\s*(?<v>[0-9a-f-]{36})", Options, MatchTimeout);
    private static readonly Regex TimestampPattern = new(@"Timestamp\s*[:=]\s*(?<v>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)", Options, MatchTimeout);

    // "…to access '797f4846-…'" and "…to access 'https://graph.microsoft.com'": the resource the token was for.
    private static readonly Regex ResourcePattern = new(@"to access '(?<v>[^']{1,300})'", Options, MatchTimeout);

    public static AadstsMessageFacts Scan(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var codes = new List<int>();
        var starts = new List<(int Code, int Start)>();
        foreach (Match match in CodePattern.Matches(text))
        {
            if (int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                starts.Add((code, match.Index));
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
        }

        var whole = FactsOf(codes, text);
        if (codes.Count > 1)
        {
            foreach (var code in codes)
            {
                whole.SetForCode(code, FactsOf(new[] { code }, SegmentsOf(code, starts, text)));
            }
        }

        return whole;
    }

    private static AadstsMessageFacts FactsOf(IReadOnlyList<int> codes, string text) =>
        new(codes, FirstValue(TracePattern, text), FirstValue(CorrelationPattern, text), ParseTimestamp(FirstValue(TimestampPattern, text)), FirstValue(ResourcePattern, text));

    /// <summary>The text from each mention of <paramref name="code"/> to the next mention of another code: where Entra writes its ids.</summary>
    private static string SegmentsOf(int code, List<(int Code, int Start)> starts, string text)
    {
        var segments = new System.Text.StringBuilder();
        for (var i = 0; i < starts.Count; i++)
        {
            if (starts[i].Code != code)
            {
                continue;
            }

            var end = text.Length;
            for (var j = i + 1; j < starts.Count; j++)
            {
                if (starts[j].Code != code)
                {
                    end = starts[j].Start;
                    break;
                }
            }

            segments.Append(text, starts[i].Start, end - starts[i].Start).Append('\n');
        }

        return segments.ToString();
    }

    private static string? FirstValue(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static DateTimeOffset? ParseTimestamp(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Entra writes UTC ("2025-03-04 10:11:12Z"); a value without the Z is UTC too.
        return DateTimeOffset.TryParse(
            value.TrimEnd('Z', 'z'),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed)
            ? parsed
            : null;
    }
}
