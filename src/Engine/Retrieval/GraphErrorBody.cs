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
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return new GraphErrorBody(Text(error, "code"), Text(error, "message"));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status alone has to do.
        }

        return default;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
