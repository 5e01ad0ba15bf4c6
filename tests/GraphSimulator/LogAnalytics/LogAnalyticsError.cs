using System;
using System.IO;
using System.Text.Json;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>
/// An error of the query API in its OneAPI shape: <c>{"error":{"code","message","innererror":{…}}}</c> with nested
/// innererrors (BadArgumentError → SemanticError → SEM0100), as the service's documented errors show them.
/// </summary>
public sealed record LogAnalyticsError(int Status, string Code, string Message, LogAnalyticsError? Inner = null)
{
    private const string InvalidProperties = "The request had some invalid properties";

    /// <summary>400 for a query the simulator rejects: inner SyntaxError or SemanticError, innermost SYN0002 / SEM0100 ….</summary>
    public static LogAnalyticsError BadQuery(string innerCode, string detailCode, string message) =>
        new(400, "BadArgumentError", InvalidProperties,
            new(400, innerCode, innerCode == "SemanticError" ? "A semantic error occurred." : "A recognition error occurred in the query.",
                new(400, detailCode, message)));

    public static LogAnalyticsError BadBody(string message) => new(400, "BadArgumentError", InvalidProperties, new(400, "BadArgumentError", message));

    public static LogAnalyticsError WorkspaceNotFound(string id) =>
        new(404, "WorkspaceNotFoundError", $"The workspace could not be found", new(404, "WorkspaceNotFoundError", $"Workspace '{id}' does not exist or has been deleted."));

    public static LogAnalyticsError GatewayTimeout(TimeSpan wait) =>
        new(504, "GatewayTimeout", "Gateway timeout", new(504, "GatewayTimeout",
            $"The query did not finish within the server timeout ({wait.TotalSeconds:0} s; raise it with Prefer: wait=N up to 600, or query less)."));

    public static LogAnalyticsError QueueFull => new(429, "TooManyRequests", "Too many concurrent queries for this user: the query queue is full or the query waited too long in it.");

    /// <summary>The shared admission errors (token, throttle, faults) in this API's shape.</summary>
    public static LogAnalyticsError FromGraph(GraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string code = error.Status switch
        {
            401 => "AuthenticationFailed",
            403 => "InsufficientAccessError",
            404 => "PathNotFoundError",
            429 => "TooManyRequests",
            500 => "InternalServerError",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            _ => "BadArgumentError",
        };
        return new LogAnalyticsError(error.Status, code, error.Message);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, QueryResponseWriter.JsonOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("error");
            Write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>This error as one JSON object (code, message, innererror …).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("code", Code);
        writer.WriteString("message", Message);
        if (Inner is not null)
        {
            writer.WritePropertyName("innererror");
            Inner.Write(writer);
        }

        writer.WriteEndObject();
    }
}
