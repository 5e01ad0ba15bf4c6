using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Aadsts;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Turns pasted error text into requests: one per AADSTS code the text names, each with the Trace ID, Correlation
/// ID and Timestamp written with that code (a message that carries two errors names two sign-ins).
/// </summary>
public static class DiagnosisRequests
{
    /// <summary>The requests in <paramref name="text"/>; empty when it names no code, id or time to look for.</summary>
    public static IReadOnlyList<DiagnosisRequest> FromMessage(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var facts = AadstsMessageScanner.Scan(text);
        if (facts.Codes.Count == 0)
        {
            return facts.TraceId is null && facts.CorrelationId is null
                ? Array.Empty<DiagnosisRequest>()
                : new[] { From(facts, Array.Empty<int>(), text) };
        }

        return facts.Codes.Select(code => From(facts.ForCode(code), new[] { code }, text))
            .Where(request => request.RequestId is not null || request.CorrelationId is not null || request.At is not null)
            .ToList();
    }

    /// <summary>What a Resolve-AadstsError answer names (its code, Trace ID, Correlation ID and Timestamp).</summary>
    public static DiagnosisRequest? FromErrorInfo(AadstsErrorInfo info)
    {
        if (info is null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        if (info.TraceId is null && info.CorrelationId is null)
        {
            return null;
        }

        return new DiagnosisRequest
        {
            RequestId = info.TraceId,
            CorrelationId = info.CorrelationId,
            At = info.Timestamp,
            ErrorCodes = new[] { info.Code },
            Source = info.Message,
        };
    }

    /// <summary>The codes a message names but without an id or time to find the sign-in by.</summary>
    public static IReadOnlyList<int> CodesWithoutIds(string text)
    {
        var facts = AadstsMessageScanner.Scan(text);
        return facts.Codes.Where(code => facts.ForCode(code) is var own && own.TraceId is null && own.CorrelationId is null && own.Timestamp is null).ToList();
    }

    private static DiagnosisRequest From(AadstsMessageFacts facts, IReadOnlyList<int> codes, string text) => new()
    {
        RequestId = facts.TraceId,
        CorrelationId = facts.CorrelationId,
        At = facts.Timestamp,
        ErrorCodes = codes,
        Source = text.Length <= 300 ? text : text.Substring(0, 300) + "…",
    };
}
