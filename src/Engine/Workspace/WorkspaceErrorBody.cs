using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// The query API's error object (<c>{"error":{"code","message","innererror":{…},"details":[…]}}</c>, nested as deep as
/// the engine likes): every code and message on the way down, so a caller can find the one that says what went wrong
/// (SEM0100 for a table or column the workspace lacks, E_QUERY_RESULT_SET_TOO_LARGE for a cut result).
/// </summary>
internal sealed class WorkspaceErrorBody
{
    private const string UnresolvedName = "Failed to resolve table or column expression named '";
    private const string UnresolvedScalar = "Failed to resolve scalar expression named '";

    private static readonly string[] InnerNames = { "innererror", "innerError" };

    private WorkspaceErrorBody(string? code, string? message, IReadOnlyList<(string? Code, string? Message)> chain)
    {
        Code = code;
        Message = message;
        Chain = chain;
    }

    /// <summary>The outer code: BadArgumentError, PartialError, InsufficientAccessError …</summary>
    public string? Code { get; }

    public string? Message { get; }

    /// <summary>Every inner error and detail, outermost first.</summary>
    public IReadOnlyList<(string? Code, string? Message)> Chain { get; }

    /// <summary>The innermost message: the engine's own words (what failed and why), better than "The request had some invalid properties".</summary>
    public string? Detail
    {
        get
        {
            for (var i = Chain.Count - 1; i >= 0; i--)
            {
                if (!string.IsNullOrWhiteSpace(Chain[i].Message))
                {
                    return Chain[i].Message;
                }
            }

            return Message;
        }
    }

    /// <summary>The table or column a semantic error could not resolve (SEM0100), or null.</summary>
    public string? UnresolvedNameFound
    {
        get
        {
            foreach (var (_, message) in Chain)
            {
                if ((NameAfter(message, UnresolvedName) ?? NameAfter(message, UnresolvedScalar)) is { } name)
                {
                    return name;
                }
            }

            return NameAfter(Message, UnresolvedName);
        }
    }

    /// <summary>The error object of a body, or null when the body has none (or is not JSON).</summary>
    public static WorkspaceErrorBody? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? FromElement(error)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>From an already parsed <c>error</c> object (a 200 answer's PartialError).</summary>
    public static WorkspaceErrorBody FromElement(JsonElement error)
    {
        var chain = new List<(string?, string?)>();
        Walk(error, chain, depth: 0);
        return new WorkspaceErrorBody(Text(error, "code"), Text(error, "message"), chain);
    }

    private static void Walk(JsonElement error, List<(string?, string?)> chain, int depth)
    {
        // Depth-capped: the body comes from the network.
        if (depth > 16)
        {
            return;
        }

        foreach (var name in InnerNames)
        {
            if (error.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                chain.Add((Text(inner, "code"), Text(inner, "message")));
                Walk(inner, chain, depth + 1);
            }
        }

        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.ValueKind == JsonValueKind.Object)
                {
                    chain.Add((Text(detail, "code"), Text(detail, "message")));
                    Walk(detail, chain, depth + 1);
                }
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NameAfter(string? message, string marker)
    {
        var at = message?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = message!.IndexOf('\'', start);
        return end > start ? message.Substring(start, end - start) : null;
    }
}
