using System;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>Graph's error body: <c>{"error":{"code":…,"message":…}}</c>. Anything else leaves both null.</summary>
internal readonly struct GraphErrorBody
{
    private GraphErrorBody(string? code, string? message)
    {
        Code = code;
        Message = message;
    }

    public string? Code { get; }

    public string? Message { get; }

    public static GraphErrorBody Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return From(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status alone has to do.
        }

        return default;
    }

    /// <summary>The error of an already parsed body (a $batch inner response's body).</summary>
    public static GraphErrorBody From(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? new GraphErrorBody(Text(error, "code"), Text(error, "message"))
            : default;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
